package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitException;
import dev.godwit.api.JavaMigration;
import dev.godwit.api.MigrationContext;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionAndJavaMigrationIT {
  @TempDir Path dir;

  @Test
  void aWrongPasswordIsAConnectionErrorThatNeverShowsThePassword() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (var c = java.sql.DriverManager.getConnection(url, "owner", "right-password")) {
      Godwit godwit =
          Godwit.configure()
              .url(url, "owner", "s3cret-Wrong")
              .locations("filesystem:" + dir)
              .load();
      assertThatThrownBy(godwit::info)
          .isInstanceOfSatisfying(
              GodwitException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
                assertThat(e.getMessage()).doesNotContain("s3cret-Wrong").contains("password");
              });
    }
  }

  @Test
  void anUnreachableDatabaseIsRetriedThenReportedWithTheUrlMasked() {
    Godwit godwit =
        Godwit.configure()
            .url("jdbc:postgresql://127.0.0.1:1/app?user=app&password=hunter2")
            .set(ConfigKey.CONNECT_RETRIES, 1)
            .set(ConfigKey.CONNECT_RETRIES_INTERVAL, 1)
            .locations("filesystem:" + dir)
            .load();
    long start = System.nanoTime();
    assertThatThrownBy(godwit::info)
        .isInstanceOfSatisfying(
            GodwitException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
              assertThat(e.getMessage())
                  .doesNotContain("hunter2")
                  .contains("password=******")
                  .contains("after 2 attempts");
            });
    assertThat(System.nanoTime() - start).isGreaterThan(900_000_000L);
  }

  @Test
  void anEmptyOrMissingLocationIsReported() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID();
    assertThatThrownBy(
            () ->
                Godwit.configure()
                    .url(url)
                    .locations("filesystem:" + dir.resolve("nope"))
                    .load()
                    .info())
        .isInstanceOfSatisfying(
            GodwitException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
              assertThat(e.getMessage()).contains("nope").contains("does not exist");
            });
    assertThat(
            Godwit.configure().url(url).locations("filesystem:" + dir).load().validate().warnings())
        .anyMatch(w -> w.contains("No migrations found"));
  }

  /** A Java migration, named like a file. */
  public static final class V2__Seed_with_java implements JavaMigration {
    @Override
    public void migrate(MigrationContext context) throws Exception {
      try (Statement st = context.connection().createStatement()) {
        st.execute("INSERT INTO t VALUES (42)");
      }
    }
  }

  @Test
  void javaMigrationsRunInVersionOrderAndAreRecordedAsJdbc() throws Exception {
    Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
    Files.writeString(dir.resolve("V3__more.sql"), "INSERT INTO t VALUES (43);\n");
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Godwit godwit =
        Godwit.configure()
            .url(url)
            .locations("filesystem:" + dir)
            .javaMigrations(new V2__Seed_with_java())
            .load();
    assertThat(godwit.migrate().applied())
        .extracting(a -> a.version())
        .containsExactly("1", "2", "3");
    MigrationInfo v2 = godwit.info().migrations().get(1);
    assertThat(v2.type()).isEqualTo(MigrationType.JDBC);
    assertThat(v2.description()).isEqualTo("Seed with java");
    assertThat(v2.checksum()).isNull();
    assertThat(v2.script()).endsWith("V2__Seed_with_java");
    assertThat(godwit.validate().valid()).isTrue();
  }
}
