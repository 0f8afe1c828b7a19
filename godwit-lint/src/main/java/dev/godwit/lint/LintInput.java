package dev.godwit.lint;

import dev.godwit.api.MigrationScript;
import dev.godwit.api.ScriptsResult;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One migration file, in apply order.
 *
 * @param name the name reported in findings, usually the path relative to the project
 * @param source opens the file's text (read once per lint run)
 * @param transaction how the runner executes the file
 * @param applied true when the file already ran: it is read only to learn the schema it built
 *     (tables, column types, validated constraints), and nothing in it is reported
 * @param down true for a rollback (down/undo) migration: {@code down-migration-data-loss} replaces
 *     {@code drop-table} and {@code drop-column} there
 */
public record LintInput(
    String name, Source source, TransactionMode transaction, boolean applied, boolean down) {

  /** Opens a file's text. */
  @FunctionalInterface
  public interface Source {
    /**
     * A new reader over the whole text.
     *
     * @throws IOException when the text cannot be read
     */
    Reader open() throws IOException;
  }

  /** How the runner executes a migration file. */
  public enum TransactionMode {
    /**
     * As Godwit runs it: in one transaction, unless the file holds a statement that cannot run in
     * one (PostgreSQL {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}...) or its own transaction
     * control ({@code BEGIN}/{@code COMMIT}); then statement by statement.
     */
    AUTO,
    /** In one transaction ({@code executeInTransaction=true}, or another runner that wraps). */
    TRANSACTION,
    /** Statement by statement in autocommit ({@code executeInTransaction=false}). */
    NONE
  }

  /** Validates the fields. */
  public LintInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(transaction, "transaction");
  }

  /** A pending up migration held in memory, run as Godwit runs it. */
  public static LintInput of(String name, String text) {
    Objects.requireNonNull(text, "text");
    return new LintInput(name, () -> new StringReader(text), TransactionMode.AUTO, false, false);
  }

  /**
   * A script as {@link dev.godwit.api.Godwit#scripts()} lists it: run in a transaction or not as
   * the runner decided it, applied when it is not pending, a down migration when it is an undo
   * script (or named like one).
   *
   * @throws IllegalArgumentException for a script listed without its text (over 8 MB)
   */
  public static LintInput of(MigrationScript script) {
    String text = script.text();
    if (text == null) {
      throw new IllegalArgumentException(script.name() + " was listed without its text");
    }
    return new LintInput(
        script.name(),
        () -> new StringReader(text),
        script.transactional() ? TransactionMode.TRANSACTION : TransactionMode.NONE,
        !script.pending(),
        script.kind() == MigrationScript.Kind.UNDO || looksLikeDown(script.name()));
  }

  /**
   * What to lint of a listing, in the order the linter reads it: the applied versioned and
   * repeatable migrations first (the schema they built), then the pending scripts. Scripts listed
   * without their text (over 8 MB: data loads) are left out.
   */
  public static List<LintInput> of(ScriptsResult scripts) {
    List<LintInput> context = new ArrayList<>();
    List<LintInput> pending = new ArrayList<>();
    for (MigrationScript s : scripts.scripts()) {
      if (s.text() == null) {
        continue;
      }
      if (s.pending()) {
        pending.add(of(s));
      } else if (s.kind() == MigrationScript.Kind.VERSIONED
          || s.kind() == MigrationScript.Kind.REPEATABLE) {
        context.add(of(s));
      }
    }
    context.addAll(pending);
    return context;
  }

  /**
   * A pending migration file read as UTF-8; named by its path, and marked as a down migration when
   * its name says so ({@link #looksLikeDown(String)}).
   */
  public static LintInput of(Path file) {
    String name = file.toString().replace('\\', '/');
    return new LintInput(
        name,
        () -> Files.newBufferedReader(file, StandardCharsets.UTF_8),
        TransactionMode.AUTO,
        false,
        looksLikeDown(name));
  }

  /**
   * Whether a file name is a rollback script by common conventions: Flyway/Godwit undo scripts
   * ({@code U3__x.sql}), {@code *.down.sql} and {@code down.sql} (golang-migrate, diesel, ory).
   */
  public static boolean looksLikeDown(String path) {
    String n = path.replace('\\', '/');
    String base = n.substring(n.lastIndexOf('/') + 1);
    return base.equals("down.sql")
        || base.endsWith(".down.sql")
        || base.matches("U[0-9][0-9._]*__.*");
  }

  /** A copy with the given transaction mode. */
  public LintInput withTransaction(TransactionMode mode) {
    return new LintInput(name, source, mode, applied, down);
  }

  /**
   * A copy that runs in a transaction ({@code true}) or without one ({@code false}), as the file's
   * {@code .sql.conf} says.
   */
  public LintInput withTransaction(boolean inTransaction) {
    return withTransaction(inTransaction ? TransactionMode.TRANSACTION : TransactionMode.NONE);
  }

  /** A copy marked as already applied: read for the schema only. */
  public LintInput asApplied() {
    return new LintInput(name, source, transaction, true, down);
  }

  /** A copy marked as a rollback (down/undo) migration. */
  public LintInput asDown() {
    return new LintInput(name, source, transaction, applied, true);
  }
}
