package dev.godwit.spi;

import dev.godwit.api.GodwitConfig;
import dev.godwit.api.ScriptsResult;
import java.sql.Connection;
import java.util.Objects;

/**
 * What a {@link PendingMigrationReviewer} gets.
 *
 * @param scripts every local SQL migration in apply order, as {@link dev.godwit.api.Godwit#scripts}
 *     lists them: applied ones (context: the schema they built) and the pending ones to review,
 *     with the server's dialect, version and table sizes
 * @param connection the live connection, for further catalog reads; do not change anything
 * @param config the configuration in effect
 */
public record ReviewRequest(ScriptsResult scripts, Connection connection, GodwitConfig config) {

  /** Checks the fields. */
  public ReviewRequest {
    Objects.requireNonNull(scripts, "scripts");
    Objects.requireNonNull(config, "config");
  }
}
