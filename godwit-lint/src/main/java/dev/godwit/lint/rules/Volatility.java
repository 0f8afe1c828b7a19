package dev.godwit.lint.rules;

import dev.godwit.lint.FunctionVolatility;
import dev.godwit.sql.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a PostgreSQL DEFAULT expression is volatile: PostgreSQL 11+ stores a non-volatile default
 * in the catalog, but a volatile one must be computed for every existing row. A call is judged by
 * its name and its number of arguments: when connected, by {@code pg_proc.provolatile} of that
 * overload; otherwise by a list of the built-in STABLE and IMMUTABLE functions with the argument
 * counts PostgreSQL defines for them. Anything else (a user function, {@code uuid()}, a built-in
 * name with an argument count it does not have, such as {@code now(123)}) counts as volatile.
 */
final class Volatility {
  private Volatility() {}

  /**
   * Built-in functions that are STABLE or IMMUTABLE, with their argument counts ({@code 1-2} a
   * range, {@code 1+} variadic), and casts written as calls (one argument). Keyword forms such as
   * {@code EXTRACT(day FROM x)} or {@code SUBSTRING(x FROM 1 FOR 2)} are one comma-separated group.
   */
  private static final Map<String, int[]> NON_VOLATILE =
      table(
          "now 0, current_timestamp 0-1, current_date 0, current_time 0-1, localtime 0-1,"
              + " localtimestamp 0-1, transaction_timestamp 0, statement_timestamp 0,"
              + " lower 1, upper 1, initcap 1, coalesce 1+, nullif 2, greatest 1+, least 1+,"
              + " concat 0+, concat_ws 1+, length 1-2, char_length 1, character_length 1,"
              + " octet_length 1, abs 1, round 1-2, trunc 1-2, floor 1, ceil 1, ceiling 1,"
              + " power 2, sqrt 1, mod 2, sign 1, exp 1, ln 1, log 1-2, pi 0,"
              + " to_char 2, to_date 2, to_timestamp 1-2, to_number 2, date_trunc 2-3,"
              + " date_part 2, extract 1-2, make_date 3, make_time 3, make_timestamp 6,"
              + " make_timestamptz 6-7, make_interval 0-7, timezone 2, age 1-2,"
              + " jsonb_build_object 0+, json_build_object 0+, jsonb_build_array 0+,"
              + " json_build_array 0+, to_json 1, to_jsonb 1, jsonb_set 3-4, cast 1,"
              + " btrim 1-2, ltrim 1-2, rtrim 1-2, trim 1-2, substring 1-3, substr 2-3,"
              + " replace 3, translate 3, overlay 1, md5 1, sha256 1, left 2, right 2,"
              + " format 1+, repeat 2, lpad 2-3, rpad 2-3, reverse 1, chr 1, ascii 1, to_hex 1,"
              + " encode 2, decode 2, position 1, strpos 2, split_part 3, regexp_replace 3-6,"
              + " string_to_array 2-3, array_to_string 2-3, array_fill 2-3, array_length 2,"
              + " cardinality 1, array_append 2, array_prepend 2, array_cat 2, array 1,"
              + " row 0+, current_user 0, current_role 0, session_user 0, current_schema 0,"
              + " current_database 0, current_setting 1-2, to_tsvector 1-2, setweight 2,"
              + " any_value 1, int2 1, int4 1, int8 1, smallint 1, integer 1, bigint 1,"
              + " float4 1, float8 1, numeric 1, text 1, varchar 1, bpchar 1, char 1, bool 1,"
              + " boolean 1, uuid 1, inet 1, date 1, json 1, jsonb 1, interval 1, timestamp 1,"
              + " timestamptz 1, tsvector 1");

  private static Map<String, int[]> table(String spec) {
    Map<String, int[]> m = new HashMap<>();
    for (String entry : spec.split(",")) {
      String[] p = entry.trim().split(" ");
      String n = p[1];
      int[] range;
      if (n.endsWith("+")) {
        range = new int[] {Integer.parseInt(n.substring(0, n.length() - 1)), Integer.MAX_VALUE};
      } else if (n.contains("-")) {
        String[] r = n.split("-");
        range = new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])};
      } else {
        range = new int[] {Integer.parseInt(n), Integer.parseInt(n)};
      }
      m.put(p[0], range);
    }
    return Map.copyOf(m);
  }

  /**
   * The function whose call makes {@code expr} volatile, or null when no call does.
   *
   * @param expr the DEFAULT expression's tokens
   * @param catalog {@code pg_proc.provolatile} by {@code name/arity} (and {@code
   *     schema.name/arity}) when connected, else empty
   */
  static String volatileFunction(List<Token> expr, Map<String, FunctionVolatility> catalog) {
    for (int i = 0; i + 1 < expr.size(); i++) {
      Token t = expr.get(i);
      if (!t.isIdent() || !expr.get(i + 1).isPunct("(")) {
        continue;
      }
      if (isCastType(expr, i)) {
        continue; // a type with modifiers: '1'::numeric(10,2), CAST(x AS character varying(20))
      }
      Token before = i > 0 ? expr.get(i - 1) : null;
      String schema = null;
      if (before != null && before.isPunct(".") && i > 1 && expr.get(i - 2).isIdent()) {
        schema = expr.get(i - 2).value();
      }
      int arity = arity(expr, i + 1);
      if (isVolatile(schema, t.value(), arity, catalog)) {
        return schema == null ? t.value() : schema + "." + t.value();
      }
    }
    return null;
  }

  private static boolean isVolatile(
      String schema, String name, int arity, Map<String, FunctionVolatility> catalog) {
    String key = name + "/" + arity;
    FunctionVolatility known = catalog.get(schema == null ? key : schema + "." + key);
    if (known != null) {
      return known == FunctionVolatility.VOLATILE;
    }
    if (schema != null && !schema.equals("pg_catalog")) {
      return true; // another schema's function of the same name is not the built-in
    }
    int[] range = NON_VOLATILE.get(name);
    return range == null || arity < range[0] || arity > range[1];
  }

  /**
   * Whether the word at {@code i} ends a type name after {@code ::} or CAST's {@code AS}, such as
   * {@code varying} in {@code ''::character varying(255)}.
   */
  private static boolean isCastType(List<Token> expr, int i) {
    for (int j = i - 1; j >= 0; j--) {
      Token t = expr.get(j);
      if (t.isPunct("::") || t.is("as")) {
        return true;
      }
      if (t.kind() != Token.Kind.WORD) {
        return false;
      }
    }
    return false;
  }

  /** The number of comma-separated arguments of the call whose "(" is at {@code open}. */
  static int arity(List<Token> expr, int open) {
    int depth = 0;
    int commas = 0;
    for (int k = open; k < expr.size(); k++) {
      Token x = expr.get(k);
      if (x.isPunct("(") || x.isPunct("[")) {
        depth++;
      } else if (x.isPunct(")") || x.isPunct("]")) {
        depth--;
        if (depth == 0) {
          return k == open + 1 ? 0 : commas + 1;
        }
      } else if (depth == 1 && x.isPunct(",")) {
        commas++;
      }
    }
    return commas + 1;
  }

  /** SQLite: a default that is a literal (number, string, blob, NULL, TRUE/FALSE). */
  static boolean sqliteConstant(List<Token> expr) {
    List<Token> e = expr;
    if (e.size() == 2 && (e.get(0).isPunct("-") || e.get(0).isPunct("+"))) {
      e = e.subList(1, 2);
    }
    if (e.size() != 1) {
      return false;
    }
    Token t = e.get(0);
    return t.kind() == Token.Kind.NUMBER
        || t.kind() == Token.Kind.STRING
        || t.is("null")
        || t.is("true")
        || t.is("false");
  }

  /** Whether the whole expression is one parenthesized group. */
  static boolean parenthesized(List<Token> expr) {
    return !expr.isEmpty()
        && expr.get(0).isPunct("(")
        && Schema.stripParens(expr).size() < expr.size();
  }

  /** Whether the default is a NULL literal. */
  static boolean isNull(List<Token> expr) {
    List<Token> e = Schema.stripParens(expr);
    return e.size() == 1 && e.get(0).is("null");
  }
}
