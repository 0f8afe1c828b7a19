package dev.godwit.internal;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script's {@code -- godwit:phase post} line. Only the comment lines above the first
 * statement count, so only the head of the file is read, never the whole script: {@code info} asks
 * for the phase of every migration.
 */
final class PhaseDirective {
  private static final Pattern PHASE =
      Pattern.compile("--\\s*godwit:phase\\b\\s*[=:]?\\s*(\\S*)", Pattern.CASE_INSENSITIVE);

  private PhaseDirective() {}

  /** The phase the script's head declares, or {@link DeployPhase#PRE} when it declares none. */
  static DeployPhase read(Resource r, Charset charset) {
    try (Reader reader = r.openReader(charset);
        BufferedReader lines = new BufferedReader(reader)) {
      return of(lines, r.displayName());
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID, "Cannot read " + r.displayName() + ": " + e.getMessage(), e);
    }
  }

  /** Reads the comment lines at the top of a script (blank lines between them allowed). */
  static DeployPhase of(BufferedReader lines, String script) throws IOException {
    int number = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      number++;
      String t = line.strip();
      if (number == 1 && t.startsWith("\uFEFF")) {
        t = t.substring(1);
      }
      if (t.isEmpty()) {
        continue;
      }
      if (!t.startsWith("--")) {
        return DeployPhase.PRE;
      }
      Matcher m = PHASE.matcher(t);
      if (m.lookingAt()) {
        try {
          return DeployPhase.parse(m.group(1));
        } catch (IllegalArgumentException e) {
          throw new GodwitException(
              ErrorCode.SCRIPT_INVALID,
              script
                  + ":"
                  + number
                  + ": -- godwit:phase: "
                  + e.getMessage()
                  + ". Write -- godwit:phase post above the first statement of a migration that"
                  + " runs after the new code is deployed.");
        }
      }
    }
    return DeployPhase.PRE;
  }
}
