package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

  @Test
  void matchesEveryFlywayVectorThroughTheResolver() throws IOException {
    Path shared = SharedFiles.require();
    Path dir = shared.resolve("compat/flyway-checksums");
    Map<String, Integer> expected = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t");
      expected.put(cols[0], Integer.parseInt(cols[1]));
    }
    GodwitConfig config =
        GodwitConfig.builder()
            .locations("filesystem:" + dir)
            .placeholders(Map.of("greeting", "hello"))
            .build();
    Resolution res =
        new MigrationResolver(config, () -> new Placeholders(config, Map.of())).resolve();
    Map<String, Integer> actual = new HashMap<>();
    res.versioned().forEach(m -> actual.put(m.script(), m.checksum()));
    res.repeatables().forEach(m -> actual.put(m.script(), m.checksum()));
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).hasSize(lines.size() - 1);
  }

  @Test
  void repeatablesAlsoCarryTheRawEquivalentChecksum() {
    Path shared = SharedFiles.require();
    GodwitConfig config =
        GodwitConfig.builder()
            .locations("filesystem:" + shared.resolve("compat/flyway-checksums"))
            .placeholders(Map.of("greeting", "hello"))
            .build();
    Resolution res =
        new MigrationResolver(config, () -> new Placeholders(config, Map.of())).resolve();
    Map<String, Integer> raw = new HashMap<>();
    res.repeatables().forEach(m -> raw.put(m.script(), m.equivalentChecksum()));
    assertThat(raw)
        .containsEntry("R__filename_placeholder.sql", -1502941677)
        .containsEntry("R__no_replacement_conf.sql", -716328770)
        .containsEntry("R__placeholder_case_insensitive.sql", 1739330348)
        .containsEntry("R__placeholder_repeatable.sql", -716328770)
        .containsEntry("R__plain_repeatable.sql", 1625224792);
  }

  @Test
  void theByteLevelUtf8ChecksumEqualsTheDecodedOne() {
    java.util.Random random = new java.util.Random(7);
    String[] pieces = {
      "SELECT ", "'héllo'", "\r\n", "\n", "€", "\uD83D\uDE00", " ", ";", "\t", "\r"
    };
    for (int round = 0; round < 500; round++) {
      StringBuilder sb = new StringBuilder(round % 3 == 0 ? "\uFEFF" : "");
      for (int i = random.nextInt(40); i > 0; i--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(Checksums.isValidUtf8(bytes)).isTrue();
      assertThat(Checksums.ofUtf8(bytes)).as(text).isEqualTo(Checksums.of(text));
    }
  }

  @Test
  void rejectsWhatTheStrictDecoderRejects() {
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0x80}, // overlong NUL
      {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // surrogate
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xE9}, // Latin-1 é
      {(byte) 0xE2, (byte) 0x82} // truncated
    };
    for (byte[] b : bad) {
      assertThat(Checksums.isValidUtf8(b)).isFalse();
      assertThatThrownBy(
              () -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)))
          .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
  }

  @Test
  void stripsOnlyTheFirstByteOrderMark() {
    String twoBoms = "\uFEFF\uFEFFSELECT 1;\n";
    assertThat(Checksums.of(twoBoms)).isEqualTo(-1606921097);
  }

  @Test
  void lineBreaksOfAnyKindDoNotCount() {
    assertThat(Checksums.of("SELECT 1;\r\nSELECT 2;\r\n"))
        .isEqualTo(Checksums.of("SELECT 1;\nSELECT 2;"))
        .isEqualTo(-1665099012);
    assertThat(Checksums.of("")).isZero();
    assertThat(Checksums.of("\r\n\n\r")).isZero();
  }

  @Test
  void streamsLargeTextAcrossBufferBoundariesWithSurrogatePairs() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append("INSERT INTO t VALUES ('\uD83D\uDE00 é ").append(i).append("');\n");
    }
    String text = sb.toString();
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(text.replace("\n", "").getBytes(StandardCharsets.UTF_8));
    assertThat(Checksums.of(text)).isEqualTo((int) crc.getValue());
  }

  @Test
  void latin1BytesUnderUtf8AreAnErrorNamingTheFileAndTheFix(@TempDir Path dir) throws IOException {
    Files.write(
        dir.resolve("V1__latin1.sql"),
        new byte[] {
          'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', 'h', (byte) 0xE9, 'l', 'l', 'o', '\'', ';', '\n'
        });
    GodwitConfig config = GodwitConfig.builder().locations("filesystem:" + dir).build();
    assertThatThrownBy(
            () ->
                new MigrationResolver(config, () -> new Placeholders(config, Map.of()))
                    .resolve()
                    .versioned()
                    .get(0)
                    .checksum())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("V1__latin1.sql")
        .hasMessageContaining("UTF-8")
        .hasMessageContaining("encoding=ISO-8859-1");
    Files.writeString(dir.resolve("V1__latin1.sql.conf"), "encoding=ISO-8859-1\n");
    Resolution res =
        new MigrationResolver(config, () -> new Placeholders(config, Map.of())).resolve();
    assertThat(res.versioned().get(0).checksum()).isEqualTo(-596579624);
    assertThat(config.string(ConfigKey.ENCODING)).isEqualTo("UTF-8");
  }
}
