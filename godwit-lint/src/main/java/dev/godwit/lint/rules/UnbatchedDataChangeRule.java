package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.Token;
import java.util.List;

/** {@code unbatched-data-change}: one UPDATE/DELETE/INSERT ... SELECT over a whole table. */
final class UnbatchedDataChangeRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "unbatched-data-change",
          Dialects.ALL,
          Severity.WARN,
          true,
          true,
          "UPDATE/DELETE without WHERE (or with only backfill-shaped predicates such as col IS"
              + " NULL), INSERT ... SELECT between existing tables without a bound: one huge"
              + " transaction. Statements under -- godwit:batch are batched by Godwit and exempt.");

  // Godwit runs a statement under "-- godwit:batch" in key-ordered batches of its own.
  private static final java.util.regex.Pattern BATCHED =
      java.util.regex.Pattern.compile(
          "--\\s*godwit:batch\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.Dml d)
        || BATCHED.matcher(ctx.stmt().statement().leadingComments()).find()
        || d.kind().equals("insert_values")
        || ctx.isNew(d.table())
        || d.bounded()) {
      return;
    }
    if (d.where() != null && !backfillShaped(d.where())) {
      return;
    }
    if (d.kind().equals("insert_select")) {
      Name source = null;
      for (Name s : d.sources()) {
        if (s != null && !ctx.isNew(s)) {
          source = s;
          break;
        }
      }
      if (source == null) {
        return;
      }
      report(
          ctx,
          d,
          "INSERT INTO "
              + d.table()
              + " ... SELECT from "
              + source
              + " copies every"
              + " matching row");
      return;
    }
    String verb = d.kind().toUpperCase(java.util.Locale.ROOT);
    report(
        ctx,
        d,
        verb
            + " on "
            + d.table()
            + (d.where() == null
                ? " without a WHERE clause"
                : " with only backfill-shaped predicates (" + Definitions.join(d.where()) + ")")
            + " touches every row");
  }

  private static void report(Ctx ctx, Parsed.Dml d, String what) {
    String lockNote =
        ctx.sqlite()
            ? "SQLite holds its only write lock for the whole statement, so every other writer waits."
            : "Every touched row stays locked until commit, WAL/binlog and replication lag build up,"
                + " tables and indexes bloat, and there is no progress or restart point.";
    ctx.report(
        INFO,
        d.table(),
        what + " in one transaction. " + lockNote,
        "Let Godwit batch it: put -- godwit:batch rows=5000 pause=50ms above the statement, in a"
            + " migration with executeInTransaction=false in its .sql.conf; each batch commits"
            + " with its progress, and migrate continues after the last batch if the run is killed.",
        "Or batch by primary-key range yourself (WHERE id >= a AND id < b), a few thousand rows"
            + " at a time, committing each batch.",
        "Throttle between batches and run it outside the DDL transaction, ideally as a"
            + " background job after the deploy.",
        "Tables created in the same migration are exempt; on a known-small table this is only"
            + " info.");
  }

  /**
   * Whether every predicate of the WHERE clause is backfill-shaped ({@code col IS NULL}, {@code col
   * IS NOT NULL}, a boolean flag, a constant truth): it selects by state, not by a key range, so it
   * can match the whole table.
   */
  static boolean backfillShaped(List<Token> where) {
    List<Token> e = Schema.stripParens(where);
    List<List<Token>> ors = Schema.splitBool(e, "or");
    if (ors.size() > 1) {
      return ors.stream().allMatch(UnbatchedDataChangeRule::backfillShaped);
    }
    List<List<Token>> ands = Schema.splitAnd(e);
    if (ands.size() > 1) {
      return ands.stream().allMatch(UnbatchedDataChangeRule::backfillShaped);
    }
    return atom(e);
  }

  private static boolean atom(List<Token> a) {
    if (a.isEmpty()) {
      return false;
    }
    if (a.get(0).is("not")) {
      return atom(a.subList(1, a.size()));
    }
    if (a.size() == 1 && (a.get(0).is("true") || a.get(0).is("1"))) {
      return true;
    }
    if (a.size() == 3
        && a.get(0).text().equals(a.get(2).text())
        && a.get(1).isPunct("=")
        && a.get(0).kind() == Token.Kind.NUMBER) {
      return true; // 1 = 1
    }
    int n = columnRef(a);
    if (n == 0) {
      return false;
    }
    List<Token> rest = a.subList(n, a.size());
    if (rest.isEmpty()) {
      return true; // a boolean flag
    }
    if (rest.get(0).is("is")) {
      List<Token> r = rest.subList(1, rest.size());
      if (!r.isEmpty() && r.get(0).is("not")) {
        r = r.subList(1, r.size());
      }
      return r.size() == 1 && (r.get(0).is("null") || r.get(0).is("true") || r.get(0).is("false"));
    }
    if (rest.size() == 2
        && (rest.get(0).isPunct("=") || rest.get(0).isPunct("<>") || rest.get(0).isPunct("!="))) {
      return rest.get(1).is("true") || rest.get(1).is("false");
    }
    return false;
  }

  /** The length of a column reference ({@code col}, {@code t.col}) at the start, or 0. */
  private static int columnRef(List<Token> a) {
    if (!a.get(0).isIdent() || a.get(0).is("exists") || a.get(0).is("true")) {
      return 0;
    }
    int i = 1;
    while (i + 1 < a.size() && a.get(i).isPunct(".") && a.get(i + 1).isIdent()) {
      i += 2;
    }
    if (i < a.size() && a.get(i).isPunct("(")) {
      return 0; // a function call
    }
    return i;
  }
}
