package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitDatabase;
import dev.godwit.junit.GodwitTest;
import dev.godwit.junit.GodwitUrl;

/** Skipped (aborted) unless GODWIT_TEST_POSTGRES_URL names a server. */
@GodwitTest(
    database = GodwitDatabase.URL,
    url = "${GODWIT_TEST_POSTGRES_URL}",
    user = "${GODWIT_TEST_POSTGRES_USER:postgres}",
    password = "${GODWIT_TEST_POSTGRES_PASSWORD:}")
public class ServerPostgresSample extends IsolationChecks {
  ServerPostgresSample(@GodwitUrl String url) {
    super(url);
  }
}
