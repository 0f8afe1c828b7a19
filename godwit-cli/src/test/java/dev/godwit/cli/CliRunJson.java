package dev.godwit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads one field of a JSON document printed by a CLI process. */
final class CliRunJson {
  private CliRunJson() {}

  static int intField(String json, String field) {
    try {
      return new ObjectMapper().readTree(json).get(field).asInt();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("not the expected JSON: " + json, e);
    }
  }
}
