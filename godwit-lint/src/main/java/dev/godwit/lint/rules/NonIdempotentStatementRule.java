package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code non-idempotent-statement} (squawk's prefer-robust-stmts): in a migration that runs without
 * a transaction, the statements before a failure stay applied, so a retry or {@code --resume} runs
 * them again; a CREATE or DROP without IF [NOT] EXISTS then fails half-way. A migration of one
 * statement is exempt (a failed statement leaves nothing behind, so the retry starts from the same
 * state) unless it builds an index concurrently, which leaves an INVALID index behind when it
 * fails.
 */
final class NonIdempotentStatementRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "non-idempotent-statement",
          Dialects.ALL,
          Severity.WARN,
          false,
          true,
          "CREATE or DROP without IF [NOT] EXISTS (PostgreSQL and MariaDB: also ADD/DROP COLUMN) in"
              + " a migration that runs without a transaction: a retry or --resume fails on what"
              + " already ran.");

  /** The objects whose CREATE or DROP this rule looks at. */
  private static final Set<String> OBJECTS =
      Set.of(
          "table",
          "index",
          "schema",
          "database",
          "sequence",
          "view",
          "extension",
          "type",
          "domain",
          "function",
          "procedure",
          "trigger");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    // MySQL and MariaDB commit DDL implicitly: a transaction around it protects nothing.
    if (ctx.inTransaction && !ctx.mysql()) {
      return;
    }
    List<Token> t = ctx.stmt().tokens();
    if (t.isEmpty()) {
      return;
    }
    String what;
    if (t.get(0).is("create")) {
      what = create(t);
      if (what != null && ctx.statements.size() == 1 && !concurrently(t)) {
        return;
      }
    } else if (ctx.statements.size() == 1) {
      return;
    } else if (t.get(0).is("drop")) {
      what = drop(t);
    } else if (t.get(0).is("alter") && t.size() > 1 && t.get(1).is("table")) {
      what = alterTable(t, ctx.pg() || ctx.dialect == SqlDialect.MARIADB);
    } else {
      return;
    }
    if (what == null) {
      return;
    }
    boolean hasIfForm = hasIfForm(ctx, what);
    ctx.report(
        INFO,
        null,
        what
            + " has no IF "
            + (what.startsWith("DROP") ? "" : "NOT ")
            + "EXISTS, and this migration runs without a transaction: if a later statement"
            + " fails, this one stays applied, and the retry (or godwit migrate --resume) fails"
            + " here with \"already exists\" or \"does not exist\".",
        hasIfForm
            ? "Write " + ifForm(what) + ", so the statement can run again."
            : "There is no IF form for this on "
                + ctx.dialect.displayName()
                + ": guard it (check information_schema first, or a DO block that ignores"
                + " duplicate_object), or keep it alone in its own migration.",
        "Or run the migration in a transaction if every statement in it allows that.");
  }

  /** CREATE [OR REPLACE] [TEMP] ... object without IF NOT EXISTS, as "CREATE OBJECT", or null. */
  private static String create(List<Token> t) {
    int i = 1;
    for (; i < Math.min(t.size(), 6); i++) {
      Token x = t.get(i);
      if (x.is("or") || x.is("temporary") || x.is("temp")) {
        return null; // OR REPLACE is repeatable; a temporary object dies with the session
      }
      if (x.is("materialized") && i + 1 < t.size() && t.get(i + 1).is("view")) {
        return guarded(t, i + 2, true) ? null : "CREATE MATERIALIZED VIEW";
      }
      if (x.kind() == Token.Kind.WORD && OBJECTS.contains(x.value())) {
        int after = i + 1;
        if (x.is("index") && after < t.size() && t.get(after).is("concurrently")) {
          after++;
        }
        if (x.is("index") && after < t.size() && t.get(after).is("on")) {
          return null; // unnamed: PostgreSQL picks a fresh name on every run
        }
        return guarded(t, after, true) ? null : "CREATE " + label(t, i);
      }
    }
    return null;
  }

  /** DROP object without IF EXISTS, or null. */
  private static String drop(List<Token> t) {
    for (int i = 1; i < Math.min(t.size(), 4); i++) {
      Token x = t.get(i);
      if (x.is("materialized") && i + 1 < t.size() && t.get(i + 1).is("view")) {
        return guarded(t, i + 2, false) ? null : "DROP MATERIALIZED VIEW";
      }
      if (x.kind() == Token.Kind.WORD && OBJECTS.contains(x.value())) {
        if (x.is("table") && i > 1 && t.get(i - 1).is("temporary")) {
          return null;
        }
        int after = i + 1;
        if (x.is("index") && after < t.size() && t.get(after).is("concurrently")) {
          after++;
        }
        return guarded(t, after, false) ? null : "DROP " + label(t, i);
      }
    }
    return null;
  }

  /** The first ADD COLUMN / DROP COLUMN / DROP CONSTRAINT action without its IF form, or null. */
  private static String alterTable(List<Token> t, boolean dialectHasIfForms) {
    if (!dialectHasIfForms) {
      return null; // MySQL and SQLite have no IF forms for these; their ALTER is one atomic step
    }
    int start = 2;
    while (start < t.size()
        && (t.get(start).is("if") || t.get(start).is("exists") || t.get(start).is("only"))) {
      start++;
    }
    start++; // the table name (a qualified one has its dot and second part in the first action)
    for (List<Token> action : Cursor.split(t.subList(Math.min(start, t.size()), t.size()), ",")) {
      String a = action(action);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static String action(List<Token> a) {
    int i = 0;
    while (i < a.size() && !(a.get(i).is("add") || a.get(i).is("drop"))) {
      if (a.get(i).is("alter") || a.get(i).is("rename") || a.get(i).is("set")) {
        return null;
      }
      i++;
    }
    if (i + 1 >= a.size()) {
      return null;
    }
    boolean add = a.get(i).is("add");
    Token next = a.get(i + 1);
    if (next.is("column")) {
      return guarded(a, i + 2, add) ? null : (add ? "ADD COLUMN" : "DROP COLUMN");
    }
    if (!add && next.is("constraint")) {
      return guarded(a, i + 2, false) ? null : "DROP CONSTRAINT";
    }
    if (next.kind() == Token.Kind.WORD && NOT_A_COLUMN.contains(next.value())) {
      return null;
    }
    if (next.is("if")) {
      return null; // ADD IF NOT EXISTS c / DROP IF EXISTS c
    }
    return add ? "ADD COLUMN" : "DROP COLUMN";
  }

  /** Words after ADD or DROP that start something other than a column. */
  private static final Set<String> NOT_A_COLUMN =
      Set.of(
          "constraint",
          "primary",
          "unique",
          "foreign",
          "check",
          "exclude",
          "index",
          "key",
          "fulltext",
          "spatial",
          "partition",
          "default",
          "not",
          "expression",
          "identity",
          "period",
          "system",
          "versioning");

  /** Whether IF [NOT] EXISTS follows at {@code i}. */
  private static boolean guarded(List<Token> t, int i, boolean create) {
    if (i < t.size() && t.get(i).is("if")) {
      return create
          ? i + 2 < t.size() && t.get(i + 1).is("not") && t.get(i + 2).is("exists")
          : i + 1 < t.size() && t.get(i + 1).is("exists");
    }
    return false;
  }

  /** CREATE [UNIQUE] INDEX CONCURRENTLY. */
  private static boolean concurrently(List<Token> t) {
    for (int i = 2; i < Math.min(t.size(), 5); i++) {
      if (t.get(i).is("concurrently")) {
        return true;
      }
    }
    return false;
  }

  private static String label(List<Token> t, int objectAt) {
    StringBuilder b = new StringBuilder();
    for (int k = 1; k <= objectAt; k++) {
      b.append(k > 1 ? " " : "").append(t.get(k).value().toUpperCase(Locale.ROOT));
    }
    if (objectAt + 1 < t.size() && t.get(objectAt + 1).is("concurrently")) {
      b.append(" CONCURRENTLY");
    }
    return b.toString();
  }

  private static boolean hasIfForm(Ctx ctx, String what) {
    if (ctx.pg()) {
      return !(what.endsWith("TYPE")
          || what.endsWith("DOMAIN")
          || what.endsWith("FUNCTION")
          || what.endsWith("PROCEDURE")
          || what.endsWith("TRIGGER")
          || what.equals("CREATE VIEW"));
    }
    if (ctx.dialect == SqlDialect.MYSQL) {
      return !what.contains("INDEX") && !what.contains("COLUMN") && !what.contains("CONSTRAINT");
    }
    return true;
  }

  private static String ifForm(String what) {
    String[] words = what.split(" ");
    List<String> out = new ArrayList<>(List.of(words));
    int at = out.contains("CONCURRENTLY") ? out.indexOf("CONCURRENTLY") + 1 : out.size();
    if (!what.startsWith("DROP")) {
      out.add(at, "IF NOT EXISTS");
    } else {
      out.add(at, "IF EXISTS");
    }
    return String.join(" ", out);
  }
}
