package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitDatabase;
import dev.godwit.junit.GodwitTest;
import dev.godwit.junit.GodwitUrl;

@GodwitTest(database = GodwitDatabase.EMBEDDED_POSTGRES)
public class EmbeddedPostgresSample extends IsolationChecks {
  EmbeddedPostgresSample(@GodwitUrl String url) {
    super(url);
  }
}
