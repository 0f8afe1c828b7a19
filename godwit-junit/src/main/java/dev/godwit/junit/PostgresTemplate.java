package dev.godwit.junit;

import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;

/**
 * PostgreSQL: the template is a database on the server, and a copy is made with {@code CREATE
 * DATABASE ... TEMPLATE}, a copy of its files on the server (which needs the template to have no
 * connections: nobody connects to it after the migration).
 */
final class PostgresTemplate implements Template {

  private final Setup setup;
  private final PostgresServer server;
  private final String templateUrl;

  private PostgresTemplate(Setup setup, PostgresServer server, String templateUrl) {
    this.setup = setup;
    this.server = server;
    this.templateUrl = templateUrl;
  }

  static PostgresTemplate embedded(Setup setup) {
    return create(setup, PostgresServers.embedded());
  }

  static PostgresTemplate at(Setup setup) {
    // pgjdbc's own default when no user is given: the operating system's.
    String user = setup.user().isEmpty() ? System.getProperty("user.name") : setup.user();
    return create(setup, PostgresServers.at(setup.url(), user, setup.password()));
  }

  private static PostgresTemplate create(Setup setup, PostgresServer server) {
    String url = server.createDatabase();
    PostgresTemplate template = new PostgresTemplate(setup, server, url);
    try {
      setup.configure(url, server.user(), server.password()).load().migrate();
      return template;
    } catch (RuntimeException e) {
      template.close();
      throw e;
    }
  }

  @Override
  public DatabaseCopy copy() {
    String url = server.copyDatabase(templateUrl);
    return new DatabaseCopy(
        url, server.user(), server.password(), setup, () -> server.dropDatabase(url));
  }

  @Override
  public void close() {
    server.dropDatabase(templateUrl);
  }
}
