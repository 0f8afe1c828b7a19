package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Statement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an UPDATE or DELETE marked {@code -- godwit:batch} in key-ordered batches, each its own
 * short transaction: find the key of the batch's last row, change the rows up to it, record that
 * key in the progress table and commit, all in one transaction. A runner killed at any moment
 * leaves either the whole batch with its progress or neither, so a resume starts at the next batch
 * and no row is changed twice or skipped. Each batch runs under the migration's lock-wait bounds; a
 * lock timeout rolls back only that batch, which is tried again.
 */
final class Backfill {
  private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
  // Without a terminal, one progress line per this many batches.
  private static final int LOG_EVERY_BATCHES = 100;
  private static final long TERMINAL_LINE_NANOS = 2_000_000_000L;

  /**
   * Where a backfill starts: after {@code key} (null: at the start), with {@code rows} done.
   *
   * @param key the last key done, encoded by {@link Key}, or null
   * @param rows rows changed so far
   */
  record Start(String key, long rows) {
    static final Start BEGINNING = new Start(null, 0);
  }

  /** Key values as the progress table stores them: comma-separated, with , and % escaped. */
  static final class Key {
    private Key() {}

    static String encode(List<String> values) {
      List<String> parts = new ArrayList<>();
      for (String v : values) {
        parts.add(v.replace("%", "%25").replace(",", "%2C"));
      }
      return String.join(",", parts);
    }

    static List<String> decode(String text) {
      List<String> out = new ArrayList<>();
      for (String p : text.split(",", -1)) {
        out.add(p.replace("%2C", ",").replace("%25", "%"));
      }
      return out;
    }
  }

  private final Session session;
  private final LockRetry retry;
  private final String script;
  private final HistoryRow row;

  Backfill(Session session, LockRetry retry, String script, HistoryRow row) {
    this.session = session;
    this.retry = retry;
    this.script = script;
    this.row = row;
  }

  /**
   * Runs the statement to its end.
   *
   * @param applied how many statements of the migration ran before this one
   * @throws StatementExecutor.StatementFailure when a batch fails for good (rolled back: the
   *     progress table keeps the last batch that committed)
   */
  void run(Statement st, BatchDirective d, int applied, Start start)
      throws StatementExecutor.StatementFailure {
    Connection c = session.connection;
    Checked checked = check(st, d);
    BatchTarget target = checked.target();
    List<String> key = checked.key();
    long estimate;
    try {
      estimate = estimate(c, target);
    } catch (SQLException e) {
      throw new StatementExecutor.StatementFailure(st, e);
    }
    SqlDialect family = session.dialect.sqlDialect().family();
    Sql sql = new Sql(target, key, family == SqlDialect.POSTGRES, d.rows());
    List<String> last = start.key() == null ? null : Key.decode(start.key());
    long done = start.rows();
    long batches = 0;
    long longestNanos = 0;
    long began = System.nanoTime();
    long lastLine = began;
    boolean interactive = System.console() != null;
    LOG.info(
        "{}:{}: backfill of {} in batches of {} rows by key ({}){}, {} rows in the table",
        script,
        st.line(),
        target.displayName(),
        d.rows(),
        String.join(", ", key),
        last == null ? "" : ", resuming after key " + Key.encode(last) + " with " + done + " done",
        estimate > 0 ? "about " + estimate : "an unknown number of");
    while (true) {
      Batch b = batch(c, st, sql, last, done, applied);
      done += b.rows;
      batches++;
      longestNanos = Math.max(longestNanos, b.nanos);
      last = b.upper;
      long now = System.nanoTime();
      boolean finished = last == null;
      if (finished
          || (interactive && now - lastLine >= TERMINAL_LINE_NANOS)
          || (!interactive && batches % LOG_EVERY_BATCHES == 0)) {
        lastLine = now;
        logProgress(st, target, done, estimate, batches, now - began, longestNanos, finished);
      }
      if (finished) {
        return;
      }
      pause(d);
    }
  }

  /** A backfill statement checked against the database: its table and the key to walk it by. */
  record Checked(BatchTarget target, List<String> key) {}

  /**
   * Checks a backfill statement before anything runs: a database that can run it, one table, a
   * usable key the statement leaves alone.
   *
   * @throws GodwitException with {@link ErrorCode#SCRIPT_INVALID} naming the script, line and table
   */
  Checked check(Statement st, BatchDirective d) throws StatementExecutor.StatementFailure {
    SqlDialect family = session.dialect.sqlDialect().family();
    if (family != SqlDialect.POSTGRES && family != SqlDialect.MYSQL) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID,
          script
              + ":"
              + st.line()
              + ": -- godwit:batch runs on PostgreSQL and MySQL/MariaDB, not "
              + session.dialect.name()
              + ". Remove the directive: the statement then runs whole.");
    }
    BatchTarget target = BatchTarget.parse(st, session.dialect.sqlDialect(), script);
    List<String> key;
    try {
      key = key(session.connection, target, d, st.line());
    } catch (SQLException e) {
      throw new StatementExecutor.StatementFailure(st, e);
    }
    List<String> changed = target.assignedKeyColumns(key);
    if (!changed.isEmpty()) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID,
          script
              + ":"
              + st.line()
              + ": -- godwit:batch walks "
              + target.displayName()
              + " by "
              + String.join(", ", key)
              + ", which the UPDATE changes ("
              + String.join(", ", changed)
              + "): rows would move between batches. Name another key with key=<column>.");
    }
    return new Checked(target, key);
  }

  /** One batch's outcome: rows changed, the key it ended at (null: it reached the end), time. */
  private record Batch(long rows, List<String> upper, long nanos) {}

  private Batch batch(
      Connection c, Statement st, Sql sql, List<String> last, long done, int applied)
      throws StatementExecutor.StatementFailure {
    while (true) {
      long t0 = System.nanoTime();
      try {
        c.setAutoCommit(false);
        retry.watch(c);
        List<String> upper = upperKey(c, sql, last);
        long rows = change(c, sql, last, upper);
        long nanos = System.nanoTime() - t0;
        session.progress.batchDone(
            c,
            row.rank(),
            upper == null ? applied + 1 : applied,
            st.line(),
            upper == null ? null : Key.encode(upper),
            done + rows,
            nanos / 1_000_000);
        c.commit();
        nanos = System.nanoTime() - t0;
        retry.unwatch();
        retry.nextStatement();
        c.setAutoCommit(true);
        return new Batch(rows, upper, nanos);
      } catch (SQLException e) {
        retry.unwatch();
        LockRetry.rolledBack(c, e);
        try {
          c.setAutoCommit(true);
        } catch (SQLException ignored) {
          e.addSuppressed(ignored);
        }
        if (!retry.again(e, st, "batch")) {
          throw new StatementExecutor.StatementFailure(st, e);
        }
      }
    }
  }

  /** The key of the batch's last row, or null when fewer rows than a batch are left. */
  private List<String> upperKey(Connection c, Sql sql, List<String> last) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.boundary(last != null))) {
      if (last != null) {
        sql.bindLower(ps, 1, last);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= sql.key.size(); i++) {
          out.add(rs.getString(i));
        }
        return out;
      }
    }
  }

  private long change(Connection c, Sql sql, List<String> last, List<String> upper)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.change(last != null, upper != null))) {
      int next = 1;
      if (last != null) {
        next = sql.bindLower(ps, next, last);
      }
      if (upper != null) {
        sql.bindUpper(ps, next, upper);
      }
      return ps.executeLargeUpdate();
    }
  }

  private void pause(BatchDirective d) {
    if (d.pause().isZero()) {
      return;
    }
    try {
      Thread.sleep(d.pause().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void logProgress(
      Statement st,
      BatchTarget target,
      long done,
      long estimate,
      long batches,
      long elapsedNanos,
      long longestNanos,
      boolean finished) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double rate = done / seconds;
    String eta =
        finished || estimate <= done || rate <= 0
            ? ""
            : String.format(Locale.ROOT, ", ETA %.0f s", (estimate - done) / rate);
    LOG.info(
        String.format(
            Locale.ROOT,
            "%s:%d: %s %s: %d of about %d rows, %d batches, %.0f rows/s%s, longest batch %d ms",
            script,
            st.line(),
            finished ? "backfill done," : "backfill",
            target.displayName(),
            done,
            Math.max(estimate, done),
            batches,
            rate,
            eta,
            longestNanos / 1_000_000));
  }

  /**
   * The key to walk the table by: the directive's columns, else the primary key, else a unique key
   * of NOT NULL columns. A NULL in a key column would leave its row out of every batch.
   */
  private List<String> key(Connection c, BatchTarget t, BatchDirective d, int line)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean pg = session.dialect.sqlDialect().family() == SqlDialect.POSTGRES;
    String catalog = pg ? null : t.schema() != null ? t.schema() : c.getCatalog();
    String schema = pg ? (t.schema() != null ? t.schema() : c.getSchema()) : null;
    Map<String, Boolean> notNull = new LinkedHashMap<>();
    try (ResultSet rs = md.getColumns(catalog, schema, t.table(), null)) {
      while (rs.next()) {
        notNull.put(rs.getString("COLUMN_NAME"), "NO".equals(rs.getString("IS_NULLABLE")));
      }
    }
    if (notNull.isEmpty()) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID,
          script + ":" + line + ": -- godwit:batch: table " + t.displayName() + " not found.");
    }
    if (!d.key().isEmpty()) {
      List<String> out = new ArrayList<>();
      for (String k : d.key()) {
        String column = find(notNull, k);
        if (column == null || !notNull.get(column)) {
          throw new GodwitException(
              ErrorCode.SCRIPT_INVALID,
              script
                  + ":"
                  + line
                  + ": -- godwit:batch key="
                  + String.join(",", d.key())
                  + ": "
                  + t.displayName()
                  + (column == null
                      ? " has no column " + k
                      : "." + column + " may be NULL, and rows with a NULL key would be missed")
                  + ". Name NOT NULL columns, or leave key= out to use the primary key.");
        }
        out.add(column);
      }
      return out;
    }
    List<String> pk = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(catalog, schema, t.table())) {
      Map<Integer, String> bySeq = new java.util.TreeMap<>();
      while (rs.next()) {
        bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
      pk.addAll(bySeq.values());
    }
    if (!pk.isEmpty()) {
      return pk;
    }
    Map<String, Map<Integer, String>> unique = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(catalog, schema, t.table(), true, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
          unique
              .computeIfAbsent(index, x -> new java.util.TreeMap<>())
              .put((int) rs.getShort("ORDINAL_POSITION"), column);
        }
      }
    }
    for (Map<Integer, String> columns : unique.values()) {
      if (columns.values().stream().allMatch(col -> Boolean.TRUE.equals(notNull.get(col)))) {
        return new ArrayList<>(columns.values());
      }
    }
    throw new GodwitException(
        ErrorCode.SCRIPT_INVALID,
        script
            + ":"
            + line
            + ": -- godwit:batch: table "
            + t.displayName()
            + " has no primary key and no unique key of NOT NULL columns to walk in batches. Add"
            + " one, or name NOT NULL columns with key=<column[,column]> (rows with equal keys"
            + " then share a batch).");
  }

  private static String find(Map<String, Boolean> columns, String name) {
    for (String c : columns.keySet()) {
      if (c.equals(name)) {
        return c;
      }
    }
    for (String c : columns.keySet()) {
      if (c.equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /** The catalog's row estimate of the table, for progress lines; 0 when unknown. */
  private long estimate(Connection c, BatchTarget t) throws SQLException {
    boolean pg = session.dialect.sqlDialect().family() == SqlDialect.POSTGRES;
    String sql =
        pg
            ? "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE c.relname = ? AND n.nspname = COALESCE(?,"
                + " current_schema())"
            : "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_NAME = ? AND"
                + " TABLE_SCHEMA = COALESCE(?, DATABASE())";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, t.table());
      ps.setString(2, t.schema());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The SQL of a backfill's batches. */
  private final class Sql {
    final BatchTarget target;
    final List<String> key;
    final boolean pg;
    final int rows;

    Sql(BatchTarget target, List<String> key, boolean pg, int rows) {
      this.target = target;
      this.key = key;
      this.pg = pg;
      this.rows = rows;
    }

    private String column(int i) {
      return target.qualifier() + "." + session.dialect.quote(key.get(i));
    }

    private String columns() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        out.add(column(i));
      }
      return String.join(", ", out);
    }

    /**
     * Rows after the key {@code (k1, k2) > (?, ?)}. MySQL gets the same test spelt out with a range
     * on the first column, which its optimizer can use on the index.
     */
    private String after() {
      if (key.size() == 1) {
        return column(0) + " > ?";
      }
      if (pg) {
        return "(" + columns() + ") > (" + marks() + ")";
      }
      return column(0) + " >= ? AND (" + lexicographic(">") + ")";
    }

    private String upTo() {
      if (key.size() == 1) {
        return column(0) + " <= ?";
      }
      if (pg) {
        return "(" + columns() + ") <= (" + marks() + ")";
      }
      return column(0) + " <= ? AND NOT (" + lexicographic(">") + ")";
    }

    /** (k1 > ?) OR (k1 = ? AND k2 > ?) ... */
    private String lexicographic(String op) {
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        StringBuilder t = new StringBuilder("(");
        for (int j = 0; j < i; j++) {
          t.append(column(j)).append(" = ? AND ");
        }
        t.append(column(i)).append(' ').append(op).append(" ?)");
        terms.add(t.toString());
      }
      return String.join(" OR ", terms);
    }

    private String marks() {
      return String.join(", ", java.util.Collections.nCopies(key.size(), "?"));
    }

    private String where(boolean lower, boolean upper) {
      List<String> parts = new ArrayList<>();
      if (target.condition() != null) {
        parts.add("(" + target.condition() + ")");
      }
      if (lower) {
        parts.add(after());
      }
      if (upper) {
        parts.add(upTo());
      }
      return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    String boundary(boolean lower) {
      return "SELECT "
          + columns()
          + " FROM "
          + target.tableText()
          + where(lower, false)
          + " ORDER BY "
          + columns()
          + " LIMIT 1 OFFSET "
          + (rows - 1);
    }

    String change(boolean lower, boolean upper) {
      return target.head() + where(lower, upper);
    }

    int bindLower(PreparedStatement ps, int first, List<String> values) throws SQLException {
      return bind(ps, first, values);
    }

    int bindUpper(PreparedStatement ps, int first, List<String> values) throws SQLException {
      return bind(ps, first, values);
    }

    /** Binds a bound's values in the order {@link #after} and {@link #upTo} use them. */
    private int bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
      int i = first;
      if (key.size() == 1 || pg) {
        for (String v : values) {
          set(ps, i++, v);
        }
        return i;
      }
      set(ps, i++, values.get(0));
      for (int t = 0; t < key.size(); t++) {
        for (int j = 0; j <= t; j++) {
          set(ps, i++, values.get(j));
        }
      }
      return i;
    }

    /**
     * Key values travel as text. PostgreSQL gets them untyped, so the server reads them as the
     * column's type; MySQL converts text compared with a column by itself.
     */
    private void set(PreparedStatement ps, int i, String v) throws SQLException {
      if (pg) {
        ps.setObject(i, v, Types.OTHER);
      } else {
        ps.setString(i, v);
      }
    }
  }
}
