package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.Godwit;
import dev.godwit.api.MigrationState;
import dev.godwit.spring.boot.apps.plain.GreetingCount;
import dev.godwit.spring.boot.apps.plain.PlainApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Real Spring Boot applications on H2: the migration runs before the JdbcTemplate users. */
class H2StartupIT {

  private static Map<String, String> props(String... extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", Apps.h2Url());
    p.put("spring.datasource.username", "sa");
    p.put("spring.godwit.locations", "classpath:apps/h2");
    p.put("spring.godwit.placeholders.who", "world");
    for (int i = 0; i < extra.length; i += 2) {
      p.put(extra[i], extra[i + 1]);
    }
    return p;
  }

  @Test
  void migratesBeforeABeanThatReadsTheTableAtStartup() {
    try (ConfigurableApplicationContext app = Apps.start(PlainApp.class, props())) {
      // GreetingCount queried the table in its constructor: the migration ran first.
      assertThat(app.getBean(GreetingCount.class).atStartup()).isEqualTo(1);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT text FROM greeting WHERE id = 1", String.class))
          .isEqualTo("hello world");
      Godwit godwit = app.getBean(Godwit.class);
      assertThat(godwit.info().migrations())
          .extracting(m -> m.version() + ":" + m.state())
          .containsExactly("1:" + MigrationState.SUCCESS, "2:" + MigrationState.SUCCESS);
      assertThat(app.getBean(GodwitMigrationInitializer.class).godwit()).isSameAs(godwit);
    }
  }

  @Test
  void disabledByProperty() {
    Map<String, String> p = props("spring.godwit.enabled", "false");
    // Without the migration the bean that reads the table at start-up cannot start.
    assertThatThrownBy(() -> Apps.start(PlainApp.class, p).close())
        .hasStackTraceContaining("GREETING");
    p.put("spring.main.lazy-initialization", "true");
    try (ConfigurableApplicationContext app = Apps.start(PlainApp.class, p)) {
      assertThat(app.getBeanNamesForType(Godwit.class)).isEmpty();
      assertThat(app.getBeanNamesForType(GodwitMigrationInitializer.class)).isEmpty();
    }
  }

  @Test
  void aStrategyBeanRunsInsteadOfMigrate() {
    List<String> calls = new ArrayList<>();
    GodwitMigrationStrategy strategy =
        godwit -> {
          calls.add("validate: " + godwit.validate().issues().size() + " issues");
          godwit.migrate();
          calls.add("migrated");
        };
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(PlainApp.class)
            .web(WebApplicationType.NONE)
            .initializers(c -> c.getBeanFactory().registerSingleton("customStrategy", strategy))
            .run(args(props()))) {
      assertThat(calls).hasSize(2).last().isEqualTo("migrated");
      assertThat(app.getBean(GreetingCount.class).atStartup()).isEqualTo(1);
    }
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnGodwit() {
    Map<String, String> p = props();
    Godwit own =
        Godwit.configure()
            .url(p.get("spring.datasource.url"), "sa", "")
            .locations("classpath:apps/h2")
            .placeholders(Map.of("who", "own bean"))
            .load();
    own.migrate();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(PlainApp.class)
            .web(WebApplicationType.NONE)
            .initializers(c -> c.getBeanFactory().registerSingleton("myGodwit", own))
            .run(args(p))) {
      assertThat(app.getBean(Godwit.class)).isSameAs(own);
      assertThat(app.getBeanNamesForType(GodwitMigrationInitializer.class)).isEmpty();
      assertThat(
              app.getBean(JdbcTemplate.class)
                  .queryForObject("SELECT text FROM greeting WHERE id = 1", String.class))
          .isEqualTo("hello own bean");
    }
  }

  @Test
  void aSeparateConnectionFromSpringGodwitUrl() {
    // The application's DataSource is one database, the migration another: spring.godwit.url wins.
    String migrated = Apps.h2Url();
    Map<String, String> p = props("spring.godwit.url", migrated, "spring.godwit.user", "sa");
    p.put("spring.main.lazy-initialization", "true");
    try (ConfigurableApplicationContext app = Apps.start(PlainApp.class, p)) {
      app.getBean(GodwitMigrationInitializer.class);
      Godwit godwit = app.getBean(Godwit.class);
      assertThat(godwit.config().url()).isEqualTo(migrated);
      assertThat(godwit.info().currentVersion()).isEqualTo("2");
    }
    Godwit appDb =
        Godwit.configure()
            .url(p.get("spring.datasource.url"), "sa", "")
            .locations("classpath:apps/h2")
            .load();
    assertThat(appDb.info().currentVersion()).isNull();
  }

  @Test
  void aBadValueStopsStartUpNamingTheProperty() {
    assertThatThrownBy(
            () -> Apps.start(PlainApp.class, props("spring.godwit.lock-timeout", "5")).close())
        .hasStackTraceContaining("spring.godwit.lock-timeout")
        .hasStackTraceContaining("lockTimeout");
  }

  @Test
  void anUnknownPropertyStopsStartUpWithASuggestion() {
    assertThatThrownBy(
            () -> Apps.start(PlainApp.class, props("spring.godwit.baseline-versoin", "3")).close())
        .hasStackTraceContaining("spring.godwit.baseline-versoin")
        .hasStackTraceContaining("did you mean 'baseline-version'");
  }

  @Test
  void aFailedMigrationStopsStartUp() {
    Map<String, String> p = props("spring.godwit.locations", "classpath:apps/fail");
    assertThatThrownBy(() -> Apps.start(PlainApp.class, p).close())
        .hasStackTraceContaining("NO_SUCH_TABLE");
  }

  private static String[] args(Map<String, String> p) {
    List<String> a = new ArrayList<>();
    a.add("--spring.main.banner-mode=off");
    a.add("--spring.jmx.enabled=false");
    p.forEach((k, v) -> a.add("--" + k + "=" + v));
    return a.toArray(String[]::new);
  }
}
