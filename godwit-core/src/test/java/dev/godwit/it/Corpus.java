package dev.godwit.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns the public migration corpora (read from ../shared/corpus, never copied into the product)
 * into Godwit migration folders in a temporary directory, and runs the databases' own clients over
 * the same files for comparison.
 */
final class Corpus {
  private Corpus() {}

  /** An up file with its down file (may be empty), in apply order. */
  record Pair(String name, Path up, Path down, boolean autocommit) {}

  /** ory-kratos: {@code <version>_<name>[.dialect][.autocommit].(up|down).sql}. */
  static List<Pair> oryKratos(Path dir) throws IOException {
    List<Pair> out = new ArrayList<>();
    List<Path> all;
    try (Stream<Path> files = Files.list(dir)) {
      all = files.sorted().toList();
    }
    for (Path up : all) {
      String file = up.getFileName().toString();
      if (!file.endsWith(".up.sql")) {
        continue;
      }
      String base = file.substring(0, file.length() - ".up.sql".length());
      // A down file usually shares the up file's name; a few are generic (no dialect tag), so
      // fall back to the same version number.
      Path down = dir.resolve(base + ".down.sql");
      if (!Files.exists(down)) {
        String version = base.substring(0, base.indexOf('_'));
        down =
            all.stream()
                .filter(p -> p.getFileName().toString().startsWith(version + "_"))
                .filter(p -> p.getFileName().toString().endsWith(".down.sql"))
                .findFirst()
                .orElse(down);
      }
      out.add(new Pair(base, up, down, base.endsWith(".autocommit")));
    }
    return out;
  }

  /** lemmy: one folder per migration holding up.sql and down.sql. */
  static List<Pair> lemmy(Path dir) throws IOException {
    List<Pair> out = new ArrayList<>();
    try (Stream<Path> folders = Files.list(dir)) {
      for (Path f : folders.filter(Files::isDirectory).sorted().toList()) {
        out.add(
            new Pair(
                f.getFileName().toString(), f.resolve("up.sql"), f.resolve("down.sql"), false));
      }
    }
    return out;
  }

  /**
   * Writes V/U files numbered in apply order. Files that must run outside a transaction get a
   * script config, as their {@code .autocommit} tag says.
   */
  static Path asGodwitMigrations(List<Pair> pairs, Path target, boolean withUndo)
      throws IOException {
    Files.createDirectories(target);
    int n = 0;
    for (Pair p : pairs) {
      n++;
      String desc = p.name().replaceAll("[^A-Za-z0-9]+", "_");
      String v = "V" + n + "__" + desc + ".sql";
      Files.copy(p.up(), target.resolve(v));
      if (p.autocommit()) {
        Files.writeString(target.resolve(v + ".conf"), "executeInTransaction=false\n");
      }
      if (withUndo && Files.exists(p.down())) {
        String u = "U" + n + "__" + desc + ".sql";
        Files.copy(p.down(), target.resolve(u));
        if (p.autocommit()) {
          Files.writeString(target.resolve(u + ".conf"), "executeInTransaction=false\n");
        }
      }
    }
    return target;
  }

  /** The path of a client program, or null when it is not installed. */
  static String client(String name) {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    return null;
  }

  /** Runs a client command; returns its combined output, failing the test on a non-zero exit. */
  static String run(List<String> command, Path stdin) throws IOException, InterruptedException {
    return run(command, stdin, true);
  }

  /** Runs a client command; with {@code mustSucceed} false a failure is returned, not thrown. */
  static String run(List<String> command, Path stdin, boolean mustSucceed)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(600, TimeUnit.SECONDS) || (mustSucceed && p.exitValue() != 0)) {
      throw new AssertionError("client failed: " + command + "\n" + out);
    }
    return out;
  }

  /** A sorted, comparable description of a PostgreSQL schema's objects, without Godwit's. */
  static List<String> postgresSnapshot(TestDatabase db) throws SQLException {
    List<String> out = new ArrayList<>();
    String[] queries = {
      "SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' ||"
          + " data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') FROM"
          + " information_schema.columns WHERE table_schema NOT IN ('pg_catalog',"
          + " 'information_schema') AND table_name NOT LIKE 'godwit_schema_history%'",
      "SELECT 'index ' || schemaname || '.' || indexname || ' ' || indexdef FROM pg_indexes WHERE"
          + " schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename NOT LIKE"
          + " 'godwit_schema_history%'",
      "SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' ||"
          + " pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace NOT IN (SELECT oid"
          + " FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema')) AND"
          + " conrelid::regclass::text NOT LIKE 'godwit_schema_history%'",
      "SELECT 'view ' || schemaname || '.' || viewname || ' ' || definition FROM pg_views WHERE"
          + " schemaname NOT IN ('pg_catalog', 'information_schema')",
      "SELECT 'function ' || n.nspname || '.' || p.proname || '(' ||"
          + " pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc) FROM pg_proc p"
          + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN"
          + " ('pg_catalog', 'information_schema') AND NOT EXISTS (SELECT 1 FROM pg_depend d"
          + " WHERE d.objid = p.oid AND d.deptype = 'e')",
      "SELECT 'trigger ' || tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT"
          + " tgisinternal",
      "SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text FROM pg_type t JOIN"
          + " pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname NOT IN ('pg_catalog',"
          + " 'information_schema', 'pg_toast') AND t.typtype IN ('e', 'd', 'c') AND t.typname"
          + " NOT LIKE 'godwit_schema_history%'",
      "SELECT 'extension ' || extname FROM pg_extension"
    };
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      for (String q : queries) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** A sorted description of a MariaDB schema's tables, columns and indexes, without Godwit's. */
  static List<String> mariaDbSnapshot(TestDatabase db) throws SQLException {
    List<String> out = new ArrayList<>();
    String[] queries = {
      "SELECT CONCAT('column ', table_name, '.', column_name, ' ', column_type, ' ', is_nullable,"
          + " ' ', coalesce(column_default, '')) FROM information_schema.columns WHERE"
          + " table_schema = DATABASE() AND table_name NOT LIKE 'godwit_schema_history%'",
      "SELECT CONCAT('index ', table_name, '.', index_name, ' ', seq_in_index, ' ', column_name)"
          + " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name"
          + " NOT LIKE 'godwit_schema_history%'"
    };
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      for (String q : queries) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }
}
