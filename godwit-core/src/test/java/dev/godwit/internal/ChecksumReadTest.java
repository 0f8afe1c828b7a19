package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One read of a migration file gives its checksum and its phase, and reading ahead (on the
 * resolving thread, while a command connects) changes neither the values nor the errors.
 */
class ChecksumReadTest {
  @TempDir Path dir;

  private Resolution resolve() {
    GodwitConfig config = GodwitConfig.builder().locations("filesystem:" + dir).build();
    return new MigrationResolver(config, () -> new Placeholders(config, Map.of())).resolve();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void theChecksumReadAlsoGivesThePhaseSoTheHeadIsNotReadAgain() throws IOException {
    write("V1__drop_old.sql", "-- godwit:phase post\nALTER TABLE t DROP COLUMN old;\n");
    write("V2__add.sql", "ALTER TABLE t ADD COLUMN c INT;\n");
    Resolution res = resolve();
    ResolvedMigration post = res.versioned().get(0);
    ResolvedMigration pre = res.versioned().get(1);
    Integer postSum = post.checksum();
    Integer preSum = pre.checksum();
    Files.delete(dir.resolve("V1__drop_old.sql"));
    Files.delete(dir.resolve("V2__add.sql"));

    // Both files are gone: the phases can only come from the checksums' reads.
    assertThat(post.phase()).isEqualTo(DeployPhase.POST);
    assertThat(pre.phase()).isEqualTo(DeployPhase.PRE);
    assertThat(postSum)
        .isEqualTo(Checksums.of("-- godwit:phase post\nALTER TABLE t DROP COLUMN old;\n"));
    assertThat(preSum).isEqualTo(Checksums.of("ALTER TABLE t ADD COLUMN c INT;\n"));
  }

  @Test
  void aBadPhaseDirectiveIsStillReportedWhenThePhaseIsAskedForNotByTheChecksum()
      throws IOException {
    write("V1__x.sql", "-- godwit:phase sideways\nSELECT 1;\n");
    ResolvedMigration m = resolve().versioned().get(0);

    assertThat(m.checksum()).isEqualTo(Checksums.of("-- godwit:phase sideways\nSELECT 1;\n"));
    assertThatThrownBy(m::phase)
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("V1__x.sql:1: -- godwit:phase")
        .extracting(e -> ((GodwitException) e).code())
        .isEqualTo(ErrorCode.SCRIPT_INVALID);
  }

  @Test
  void readingAheadComputesTheChecksumAndThePhaseOnce() throws IOException {
    write("V1__x.sql", "-- godwit:phase post\nSELECT 1;\n");
    ResolvedMigration m = resolve().versioned().get(0);

    m.readAhead();
    Files.delete(dir.resolve("V1__x.sql"));

    assertThat(m.checksum()).isEqualTo(Checksums.of("-- godwit:phase post\nSELECT 1;\n"));
    assertThat(m.phase()).isEqualTo(DeployPhase.POST);
  }

  @Test
  void readingAheadLeavesAFailureForTheCommandToReport() throws IOException {
    write("V1__x.sql", "SELECT 1;\n");
    ResolvedMigration m = resolve().versioned().get(0);
    Files.delete(dir.resolve("V1__x.sql"));

    m.readAhead(); // swallows the failure: the command reports it where it always did

    assertThatThrownBy(m::checksum)
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("Cannot read")
        .hasMessageContaining("V1__x.sql");
  }

  @Test
  void readingAheadSkipsRepeatablesWhoseChecksumNeedsTheSessionsPlaceholders() throws IOException {
    write("R__view.sql", "CREATE VIEW v AS SELECT '${flyway:user}';\n");
    GodwitConfig config = GodwitConfig.builder().locations("filesystem:" + dir).build();
    boolean[] asked = {false};
    Resolution res =
        new MigrationResolver(
                config,
                () -> {
                  asked[0] = true;
                  return new Placeholders(config, Map.of("user", "u"));
                })
            .resolve();
    ResolvedMigration r = res.repeatables().get(0);

    r.readAhead();

    assertThat(asked[0]).isFalse();
    assertThat(r.checksum()).isEqualTo(Checksums.of("CREATE VIEW v AS SELECT 'u';\n"));
    assertThat(asked[0]).isTrue();
  }
}
