package dev.godwit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void readsTheDatabaseAndTheHosts() {
    assertThat(JdbcUrls.databaseOf("jdbc:postgresql://db:5432/app?ssl=true")).isEqualTo("app");
    assertThat(JdbcUrls.databaseOf("jdbc:postgresql://a:1,b:2/t1")).isEqualTo("t1");
    assertThat(JdbcUrls.databaseOf("jdbc:postgresql:app?x=1")).isEqualTo("app");
    assertThat(JdbcUrls.databaseOf("jdbc:postgresql://db")).isEmpty();
    assertThat(JdbcUrls.hostsOf("jdbc:postgresql://127.0.0.1:5432/postgres"))
        .isEqualTo("127.0.0.1:5432");
    assertThat(JdbcUrls.hostsOf("jdbc:postgresql://db?ssl=true")).isEqualTo("db");
    assertThat(JdbcUrls.hostsOf("jdbc:postgresql:app")).isEqualTo("localhost");
  }

  @Test
  void replacesTheDatabaseAndKeepsHostsAndParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true&x=1", "t1"))
        .isEqualTo("jdbc:postgresql://db:5432/t1?ssl=true&x=1");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/admin", "t1"))
        .isEqualTo("jdbc:postgresql://a:1,b:2/t1");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://[::1]:5432/", "t1"))
        .isEqualTo("jdbc:postgresql://[::1]:5432/t1");
  }

  @Test
  void addsTheDatabaseWhenTheUrlHasNone() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db", "t1"))
        .isEqualTo("jdbc:postgresql://db/t1");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db?ssl=true", "t1"))
        .isEqualTo("jdbc:postgresql://db/t1?ssl=true");
  }

  @Test
  void handlesUrlsWithoutHost() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql:postgres?ssl=false", "t1"))
        .isEqualTo("jdbc:postgresql:t1?ssl=false");
  }

  @Test
  void rejectsOtherUrls() {
    assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "t1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
