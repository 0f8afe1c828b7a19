package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitDatabase;
import dev.godwit.junit.GodwitTest;
import dev.godwit.junit.GodwitUrl;

@GodwitTest(
    database = GodwitDatabase.URL,
    url = "${GODWIT_TEST_MYSQL_URL:jdbc:mariadb://127.0.0.1:3306/}",
    user = "${GODWIT_TEST_MYSQL_USER:root}",
    password = "${GODWIT_TEST_MYSQL_PASSWORD:}")
public class MariaDbSample extends IsolationChecks {
  MariaDbSample(@GodwitUrl String url) {
    super(url);
  }
}
