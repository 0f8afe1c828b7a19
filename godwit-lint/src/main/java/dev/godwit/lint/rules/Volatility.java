package dev.godwit.lint.rules;

import dev.godwit.sql.Token;
import java.util.List;
import java.util.Set;

/**
 * Whether a PostgreSQL DEFAULT expression is volatile: PostgreSQL 11+ stores a non-volatile default
 * in the catalog, but a volatile one must be computed for every existing row. Like squawk, a list
 * of known non-volatile built-ins decides; any other function counts as volatile.
 */
final class Volatility {
  private Volatility() {}

  /** Built-in functions that are STABLE or IMMUTABLE, and casts written as calls. */
  private static final Set<String> NON_VOLATILE =
      Set.of(
          "now",
          "current_timestamp",
          "current_date",
          "current_time",
          "localtime",
          "localtimestamp",
          "transaction_timestamp",
          "statement_timestamp",
          "lower",
          "upper",
          "coalesce",
          "nullif",
          "greatest",
          "least",
          "concat",
          "concat_ws",
          "length",
          "char_length",
          "abs",
          "round",
          "trunc",
          "floor",
          "ceil",
          "ceiling",
          "to_char",
          "to_date",
          "to_timestamp",
          "to_number",
          "date_trunc",
          "date_part",
          "extract",
          "make_date",
          "make_time",
          "make_timestamp",
          "make_timestamptz",
          "make_interval",
          "timezone",
          "jsonb_build_object",
          "json_build_object",
          "jsonb_build_array",
          "json_build_array",
          "cast",
          "btrim",
          "ltrim",
          "rtrim",
          "trim",
          "substring",
          "substr",
          "replace",
          "md5",
          "left",
          "right",
          "format",
          "row",
          "current_user",
          "current_role",
          "session_user",
          "current_schema",
          "current_database",
          "age",
          "int2",
          "int4",
          "int8",
          "text",
          "numeric",
          "varchar",
          "bool",
          "uuid",
          "inet",
          "date",
          "jsonb",
          "json",
          "interval",
          "timestamp",
          "timestamptz",
          "array_fill",
          "string_to_array",
          "array_to_string",
          "regexp_replace",
          "split_part",
          "to_json",
          "to_jsonb",
          "power",
          "sqrt",
          "mod",
          "sign",
          "initcap",
          "repeat",
          "lpad",
          "rpad",
          "encode",
          "decode",
          "sha256",
          "position",
          "strpos",
          "current_setting",
          "array",
          "float8",
          "float4",
          "bpchar",
          "char",
          "bigint",
          "integer",
          "smallint",
          "boolean",
          "pg_catalog",
          "ts",
          "to_tsvector",
          "setweight",
          "tsvector",
          "make_array",
          "any_value");

  /**
   * The function that makes {@code expr} volatile, or null when it is not. {@code nextval}, {@code
   * random()}, {@code gen_random_uuid()}, {@code clock_timestamp()} and any user function are
   * volatile.
   */
  static String volatileFunction(List<Token> expr) {
    for (int i = 0; i + 1 < expr.size(); i++) {
      Token t = expr.get(i);
      if (t.isIdent() && expr.get(i + 1).isPunct("(")) {
        boolean isCastType = i > 0 && expr.get(i - 1).isPunct("::");
        boolean qualifiedPart =
            i + 1 < expr.size()
                && i > 0
                && expr.get(i - 1).isPunct(".")
                && i > 1
                && expr.get(i - 2).is("pg_catalog");
        String name = t.value();
        if (!isCastType && !NON_VOLATILE.contains(name) && !qualifiedPart) {
          return name;
        }
        if (qualifiedPart && !NON_VOLATILE.contains(name)) {
          return name;
        }
      }
    }
    return null;
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
