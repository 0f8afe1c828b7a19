package dev.godwit.spring.boot;

import dev.godwit.api.Godwit;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/godwit}: the document {@code godwit info --json} prints (every migration with
 * its state), read from the database at each request. Expose it as any endpoint: {@code
 * management.endpoints.web.exposure.include=health,godwit}.
 */
@Endpoint(id = "godwit")
public class GodwitEndpoint {
  private final Godwit godwit;

  /**
   * An endpoint reporting on this Godwit.
   *
   * @param godwit the application's Godwit
   */
  public GodwitEndpoint(Godwit godwit) {
    this.godwit = godwit;
  }

  /**
   * The info document.
   *
   * @return database, schema, table, currentVersion, migrations, warnings, server
   */
  @ReadOperation
  public Map<String, Object> info() {
    return InfoDocument.of(godwit.info());
  }
}
