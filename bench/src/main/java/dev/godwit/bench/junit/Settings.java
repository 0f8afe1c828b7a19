package dev.godwit.bench.junit;

import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;

/** What the sample classes run against, set by {@link PerTestDatabases} through properties. */
final class Settings {
  private Settings() {}

  static boolean postgres() {
    return "pg".equals(System.getProperty("bench.db"));
  }

  static String locations() {
    return "filesystem:" + System.getProperty("bench.migrations");
  }

  static PostgresServer server() {
    return PostgresServers.embedded();
  }
}
