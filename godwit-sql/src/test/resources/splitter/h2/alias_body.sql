CREATE ALIAS IF NOT EXISTS reverse_str AS $$
String reverse(String s) {
    return new StringBuilder(s).reverse().toString(); // java; code
}
$$;
CALL reverse_str('abc');
CREATE TRIGGER t_ins BEFORE INSERT ON t FOR EACH ROW AS $$
org.h2.api.Trigger create() { return null; }
$$;
