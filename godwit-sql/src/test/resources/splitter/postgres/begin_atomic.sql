CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURN a + b;

CREATE OR REPLACE FUNCTION classify(n int) RETURNS text
LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN n > 0 THEN 'pos' WHEN n < 0 THEN 'neg' ELSE 'zero' END;
END;

CREATE PROCEDURE insert_two(a int, b int)
LANGUAGE SQL
BEGIN ATOMIC
  INSERT INTO tbl VALUES (a);
  INSERT INTO tbl VALUES (b);
END;

CALL insert_two(1, 2);
