package dev.godwit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {
  @Test
  void aShortPasswordIsNotMaskedInsideLongerWords() {
    assertThat(SecretMasking.scrub("jdbc:postgresql://db/app failed", "postgres"))
        .isEqualTo("jdbc:postgresql://db/app failed");
    assertThat(SecretMasking.scrub("MySQL says no to y", "y")).isEqualTo("MySQL says no to ******");
  }

  @Test
  void thePasswordAsAWholeTokenIsMasked() {
    assertThat(SecretMasking.scrub("Incorrect port value : s3cr3t@host", "s3cr3t"))
        .isEqualTo("Incorrect port value : ******@host");
    assertThat(SecretMasking.scrub("bad login 'p@ss:w/rd!'", "p@ss:w/rd!"))
        .isEqualTo("bad login '******'");
  }

  @Test
  void userInfoAndPasswordParametersAreMaskedByStructure() {
    assertThat(SecretMasking.maskUrl("jdbc:mariadb://root:pa:ss/x@127.0.0.1:3306/db"))
        .isEqualTo("jdbc:mariadb://root:******@127.0.0.1:3306/db");
    assertThat(SecretMasking.maskUrl("jdbc:postgresql://h/db?user=a&password=p:w,x&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=******&ssl=true");
    assertThat(SecretMasking.maskUrl("jdbc:h2:mem:x;USER=sa;PASSWORD=top;MODE=MySQL"))
        .isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=******;MODE=MySQL");
    assertThat(SecretMasking.maskUrl("jdbc:oracle:thin:scott/tiger@db:1521/x"))
        .isEqualTo("jdbc:oracle:thin:scott/******@db:1521/x");
  }

  @Test
  void secretsOfAUrlIncludeItsEmbeddedPasswords() {
    assertThat(SecretMasking.secrets("jdbc:mariadb://root:hunter2@h/db?password=other", "cfg"))
        .containsExactlyInAnyOrder("cfg", "hunter2", "other");
    assertThat(
            SecretMasking.scrub(
                "Incorrect port value : hunter2@h",
                SecretMasking.secrets("jdbc:mariadb://root:hunter2@h/db", null)))
        .isEqualTo("Incorrect port value : ******@h");
    assertThat(SecretMasking.secrets(null, null)).isEqualTo(List.of());
  }
}
