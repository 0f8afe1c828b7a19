package dev.godwit.testkit;

/** Rewrites pgjdbc URLs. */
final class JdbcUrls {

  static final String PREFIX = "jdbc:postgresql:";

  private JdbcUrls() {}

  /**
   * The URL of {@code database} on the server of {@code url}, with the same hosts and parameters:
   * {@code jdbc:postgresql://h:5432/postgres?ssl=true} becomes {@code
   * jdbc:postgresql://h:5432/<database>?ssl=true}, and {@code jdbc:postgresql:postgres} becomes
   * {@code jdbc:postgresql:<database>}.
   */
  static String withDatabase(String url, String database) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
    }
    int query = url.indexOf('?');
    String parameters = query < 0 ? "" : url.substring(query);
    String rest = url.substring(PREFIX.length(), query < 0 ? url.length() : query);
    if (!rest.startsWith("//")) {
      return PREFIX + database + parameters;
    }
    int slash = rest.indexOf('/', 2);
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    return PREFIX + hosts + "/" + database + parameters;
  }

  /**
   * The database a pgjdbc URL names: {@code jdbc:postgresql://h:5432/app?ssl=true} gives {@code
   * app}.
   */
  static String databaseOf(String url) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
    }
    int query = url.indexOf('?');
    String rest = url.substring(PREFIX.length(), query < 0 ? url.length() : query);
    if (!rest.startsWith("//")) {
      return rest;
    }
    int slash = rest.indexOf('/', 2);
    return slash < 0 ? "" : rest.substring(slash + 1);
  }

  /** The host part of a pgjdbc URL, for names: {@code 127.0.0.1:5432}, without credentials. */
  static String hostsOf(String url) {
    String rest = url.substring(PREFIX.length());
    if (!rest.startsWith("//")) {
      return "localhost";
    }
    int end = rest.indexOf('/', 2);
    int query = rest.indexOf('?');
    return rest.substring(2, end >= 0 ? end : query >= 0 ? query : rest.length());
  }
}
