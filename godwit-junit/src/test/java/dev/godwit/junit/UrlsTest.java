package dev.godwit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlsTest {

  private static final Map<String, String> VARIABLES =
      Map.of("PG_URL", "jdbc:postgresql://db:5432/postgres", "EMPTY", "");

  @Test
  void replacesVariablesAndDefaults() {
    assertThat(Urls.expand("${PG_URL}", VARIABLES::get))
        .isEqualTo("jdbc:postgresql://db:5432/postgres");
    assertThat(Urls.expand("${PG_USER:postgres}", VARIABLES::get)).isEqualTo("postgres");
    assertThat(Urls.expand("${EMPTY:fallback}", VARIABLES::get)).isEqualTo("fallback");
    assertThat(Urls.expand("${PG_PASSWORD:}", VARIABLES::get)).isEmpty();
    assertThat(Urls.expand("plain$text", VARIABLES::get)).isEqualTo("plain$text");
  }

  @Test
  void namesTheVariableThatIsMissing() {
    assertThatThrownBy(() -> Urls.expand("x${PG_URL}${NOT_SET}", VARIABLES::get))
        .isInstanceOf(Urls.MissingVariable.class)
        .hasMessage("NOT_SET");
  }

  @Test
  void masksPasswordsInUrls() {
    assertThat(Urls.masked("jdbc:postgresql://db/app?user=a&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/app?user=a&password=******&ssl=true");
    assertThat(Urls.masked("jdbc:h2:file:/tmp/x;PASSWORD=s3cret"))
        .isEqualTo("jdbc:h2:file:/tmp/x;PASSWORD=******");
  }
}
