package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitTest;
import dev.godwit.junit.GodwitUrl;

@GodwitTest
public class H2Sample extends IsolationChecks {
  H2Sample(@GodwitUrl String url) {
    super(url);
  }
}
