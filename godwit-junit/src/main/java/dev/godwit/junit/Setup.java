package dev.godwit.junit;

import dev.godwit.api.GodwitConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an extension migrates: equal setups share one template per test run. The customizer is
 * compared by identity, so extensions built from the same builder call share it.
 *
 * @param database the kind of database
 * @param url with {@link GodwitDatabase#URL}, the server's JDBC URL; else empty
 * @param user the user, possibly empty
 * @param password the password, possibly empty
 * @param locations the migration locations
 * @param options H2 URL settings, possibly empty
 * @param customizer further settings for every Godwit the extension configures
 */
record Setup(
    GodwitDatabase database,
    String url,
    String user,
    String password,
    List<String> locations,
    String options,
    Consumer<GodwitConfig.Builder> customizer) {

  static final Consumer<GodwitConfig.Builder> NO_CUSTOMIZER = b -> {};

  Setup {
    locations = List.copyOf(locations);
  }

  /** A Godwit configuration for the database at {@code jdbcUrl} with this setup's settings. */
  GodwitConfig.Builder configure(String jdbcUrl, String user, String password) {
    GodwitConfig.Builder builder = GodwitConfig.builder().url(jdbcUrl, user, password);
    builder.locations(locations.toArray(String[]::new));
    customizer.accept(builder);
    return builder;
  }

  /** Shown in messages: never the password. */
  @Override
  public String toString() {
    return database + (url.isEmpty() ? "" : " at " + Urls.masked(url)) + " with " + locations;
  }
}
