package dev.godwit.junit;

import dev.godwit.api.Godwit;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's own copy of the template; dropped (and its files deleted) when closed, which JUnit
 * does when the test's extension context ends.
 *
 * @param url its JDBC URL
 * @param user the user to connect as, possibly empty
 * @param password the password, possibly empty
 * @param setup the settings it was made with
 * @param drop drops it
 */
record DatabaseCopy(String url, String user, String password, Setup setup, Runnable drop)
    implements ExtensionContext.Store.CloseableResource {

  DataSource dataSource() {
    return new SimpleDataSource(url, user, password);
  }

  Godwit godwit() {
    return setup.configure(url, user, password).load();
  }

  @Override
  public void close() {
    drop.run();
  }

  /** Never the password. */
  @Override
  public String toString() {
    return Urls.masked(url);
  }
}
