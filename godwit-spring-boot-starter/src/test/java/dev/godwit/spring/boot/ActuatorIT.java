package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.spring.boot.apps.web.WebApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /actuator/godwit} and the {@code godwit} health indicator, over HTTP. */
class ActuatorIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void infoEndpointAndHealth() throws Exception {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", Apps.h2Url());
    p.put("spring.datasource.username", "sa");
    p.put("spring.godwit.locations", "classpath:apps/h2");
    p.put("spring.godwit.placeholders.who", "web");
    p.put("server.port", "0");
    p.put("management.endpoints.web.exposure.include", "health,godwit");
    p.put("management.endpoint.health.show-details", "always");
    try (ConfigurableApplicationContext app =
        Apps.start(WebApp.class, WebApplicationType.SERVLET, p)) {
      String base =
          "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/actuator";

      HttpResponse<String> info = get(base + "/godwit");
      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body())
          .contains("\"currentVersion\":\"2\"")
          .contains("\"script\":\"V1__greeting.sql\"")
          .contains("\"state\":\"SUCCESS\"")
          .contains("\"category\":\"Versioned\"");

      HttpResponse<String> up = get(base + "/health/godwit");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body())
          .contains("\"status\":\"UP\"")
          .contains("\"pending\":0")
          .contains("\"failed\":0");

      // A failed migration recorded by another replica: the instance reports DOWN.
      app.getBean(JdbcTemplate.class)
          .update(
              "INSERT INTO \"godwit_schema_history\" (\"installed_rank\", \"version\","
                  + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                  + " \"execution_time\", \"success\") VALUES (3, '3', 'broken', 'SQL',"
                  + " 'V3__broken.sql', 1, 'sa', 5, FALSE)");
      HttpResponse<String> down = get(base + "/health/godwit");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .contains("\"status\":\"DOWN\"")
          .contains("\"failed\":1")
          .contains("\"failedMigrations\":[\"3\"]");
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
