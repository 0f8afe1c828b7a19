package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import org.junit.jupiter.api.Test;

class TooLargeTest {

  @Test
  void namesTheFileTheStatementItsSizeAndTheSettingToRaise() {
    GodwitException e =
        TooLarge.statement(
            "sql/V2__huge.sql", 3, 7, 16L << 20, true, 50L << 20, new OutOfMemoryError());
    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
    assertThat(e.getMessage())
        .startsWith("sql/V2__huge.sql:7: statement 3 (more than 16.0 MB; the file is 50.0 MB)")
        .contains("does not fit in the memory the JVM may use (")
        .contains("GODWIT_JAVA_OPTS=-Xmx")
        .contains("MAVEN_OPTS");
    assertThat(
            TooLarge.statement("V1__x.sql", 1, 1, 5L << 20, false, -1, new OutOfMemoryError())
                .getMessage())
        .startsWith("V1__x.sql:1: statement 1 (5.0 MB) does not fit");
  }

  @Test
  void suggestsAboutSevenTimesTheStatementAndAtLeastTwiceTheHeap() {
    assertThat(TooLarge.suggestedMb(128, 50L << 20)).isEqualTo(512);
    assertThat(TooLarge.suggestedMb(1024, 1L << 20)).isEqualTo(2048);
    assertThat(TooLarge.suggestedMb(64, -1)).isEqualTo(256);
  }
}
