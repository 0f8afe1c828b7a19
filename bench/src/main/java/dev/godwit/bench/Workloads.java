package dev.godwit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates a workload's migrations twice: {@code sql/} with plain files for Godwit, Flyway and the
 * raw baseline ({@code V<i>__<name>.sql}), and {@code liquibase/} with the same statements as one
 * formatted-SQL changelog per file, included in order by {@code liquibase/changelog.xml}.
 */
final class Workloads {
  private Workloads() {}

  /** A generated workload. */
  record Workload(String name, Path sql, Path liquibase, Path bigScript, long bytes, int count) {}

  /** W1-W4, W6, W7: {@code n} tiny migrations, each a CREATE TABLE and one INSERT. */
  static Workload tiny(Path root, int n) throws IOException {
    Path dir = root.resolve("tiny-" + n);
    Path sql = dir.resolve("sql");
    Path lb = dir.resolve("liquibase");
    if (Files.isDirectory(dir) && Files.exists(lb.resolve("changelog.xml"))) {
      return new Workload("tiny-" + n, sql, lb, null, 0, n);
    }
    Files.createDirectories(sql);
    Files.createDirectories(lb.resolve("c"));
    long bytes = 0;
    try (Writer master = changelog(lb)) {
      for (int i = 1; i <= n; i++) {
        String body =
            "CREATE TABLE t" + i + "(id int primary key, v text);\n"
                + "INSERT INTO t" + i + " VALUES (1,'x');\n";
        String file = "V" + i + "__t" + i + ".sql";
        Files.writeString(sql.resolve(file), body, StandardCharsets.UTF_8);
        Files.writeString(
            lb.resolve("c").resolve(file),
            "--liquibase formatted sql\n\n--changeset bench:" + i + "\n" + body,
            StandardCharsets.UTF_8);
        master.write("  <include file=\"c/" + file + "\" relativeToChangelogFile=\"true\"/>\n");
        bytes += body.length();
      }
      master.write("</databaseChangeLog>\n");
    }
    return new Workload("tiny-" + n, sql, lb, null, bytes, n);
  }

  /** W5: one migration with a CREATE TABLE and {@code rows} single-row INSERTs. */
  static Workload big(Path root, int rows) throws IOException {
    Path dir = root.resolve("big-" + rows);
    Path sql = dir.resolve("sql");
    Path lb = dir.resolve("liquibase");
    Path script = sql.resolve("V1__big.sql");
    if (Files.exists(lb.resolve("changelog.xml"))) {
      return new Workload("big-" + rows, sql, lb, script, Files.size(script), 1);
    }
    Files.createDirectories(sql);
    Files.createDirectories(lb.resolve("c"));
    try (BufferedWriter w = Files.newBufferedWriter(script, StandardCharsets.UTF_8);
        BufferedWriter l =
            Files.newBufferedWriter(lb.resolve("c").resolve("V1__big.sql"), StandardCharsets.UTF_8)) {
      l.write("--liquibase formatted sql\n\n--changeset bench:1\n");
      String create = "CREATE TABLE big(id int primary key, name text, note text);\n";
      w.write(create);
      l.write(create);
      for (int i = 1; i <= rows; i++) {
        String line =
            "INSERT INTO big VALUES ("
                + i
                + ", 'name-"
                + i
                + "', 'row "
                + i
                + " of the big script: a note with ''quotes'' and a -- dash;');\n";
        w.write(line);
        l.write(line);
      }
    }
    try (Writer master = changelog(lb)) {
      master.write("  <include file=\"c/V1__big.sql\" relativeToChangelogFile=\"true\"/>\n");
      master.write("</databaseChangeLog>\n");
    }
    return new Workload("big-" + rows, sql, lb, script, Files.size(script), 1);
  }

  private static Writer changelog(Path lb) throws IOException {
    Writer w = Files.newBufferedWriter(lb.resolve("changelog.xml"), StandardCharsets.UTF_8);
    w.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
            + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
    return w;
  }
}
