package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitDatabase;
import dev.godwit.junit.GodwitTest;
import dev.godwit.junit.GodwitUrl;

@GodwitTest(database = GodwitDatabase.SQLITE)
public class SqliteSample extends IsolationChecks {
  SqliteSample(@GodwitUrl String url) {
    super(url);
  }
}
