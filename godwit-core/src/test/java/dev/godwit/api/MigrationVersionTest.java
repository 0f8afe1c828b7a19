package dev.godwit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationVersionTest {
  @Test
  void comparesPartsNumerically() {
    List<MigrationVersion> list = new ArrayList<>();
    for (String v : List.of("2", "1.10", "1.9", "1.2", "1.1", "1_0_1", "-1")) {
      list.add(MigrationVersion.parse(v));
    }
    list.sort(null);
    assertThat(list.stream().map(MigrationVersion::toString))
        .containsExactly("-1", "1.0.1", "1.1", "1.2", "1.9", "1.10", "2");
  }

  @Test
  void trailingZerosAndLeadingZerosDoNotMakeADifferentVersion() {
    assertThat(MigrationVersion.parse("1.0.0")).isEqualTo(MigrationVersion.parse("1"));
    assertThat(MigrationVersion.parse("005")).isEqualTo(MigrationVersion.parse("5"));
    assertThat(MigrationVersion.parse("005").toString()).isEqualTo("005");
    assertThat(MigrationVersion.parse("+2")).isEqualTo(MigrationVersion.parse("2"));
  }

  @Test
  void rejectsLettersAndEmptyParts() {
    for (String bad : List.of("10a", "1..2", "11.", "", "a")) {
      assertThatThrownBy(() -> MigrationVersion.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void partsBeyondALongCompareAndHashLikeTheirValue() {
    MigrationVersion huge = MigrationVersion.parse("1.99999999999999999999");
    MigrationVersion maxLong = MigrationVersion.parse("1.9223372036854775807");
    MigrationVersion aboveLong = MigrationVersion.parse("1.9223372036854775808");
    assertThat(huge).isGreaterThan(maxLong);
    assertThat(aboveLong).isGreaterThan(maxLong).isLessThan(huge);
    assertThat(maxLong).isLessThan(aboveLong);
    assertThat(MigrationVersion.parse("2")).isGreaterThan(huge);
    // Long zero-padded parts are still the small value they spell.
    MigrationVersion padded = MigrationVersion.parse("00000000000000000000001.0");
    assertThat(padded).isEqualTo(MigrationVersion.parse("1"));
    assertThat(padded.hashCode()).isEqualTo(MigrationVersion.parse("1").hashCode());
    assertThat(MigrationVersion.parse("99999999999999999999.0"))
        .isEqualTo(MigrationVersion.parse("99999999999999999999"))
        .hasSameHashCodeAs(MigrationVersion.parse("99999999999999999999"));
    assertThat(MigrationVersion.parse("1.99999999999999999999.0").compareTo(huge)).isZero();
  }
}
