package dev.godwit.internal;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A {@code <script>.conf} file beside a migration (Flyway's script configuration): per-script
 * {@code executeInTransaction}, {@code encoding} and {@code placeholderReplacement}, plus Godwit's
 * {@code lockTimeout}, {@code lockRetries}, {@code statementTimeout} and {@code phase}.
 *
 * @param executeInTransaction explicit value, or null when not set
 * @param encoding explicit encoding, or null
 * @param placeholderReplacement explicit value, or null
 * @param lock the script's lock settings ({@link LockOverrides#NONE} when it sets none)
 * @param phase the deploy phase it sets, or null
 */
record ScriptConfig(
    Boolean executeInTransaction,
    String encoding,
    Boolean placeholderReplacement,
    LockOverrides lock,
    DeployPhase phase) {
  static final ScriptConfig NONE = new ScriptConfig(null, null, null);
  private static final List<String> KEYS =
      List.of(
          "executeInTransaction",
          "encoding",
          "placeholderReplacement",
          "lockTimeout",
          "lockRetries",
          "statementTimeout",
          "phase");

  /** A script config without lock settings. */
  ScriptConfig(Boolean executeInTransaction, String encoding, Boolean placeholderReplacement) {
    this(executeInTransaction, encoding, placeholderReplacement, LockOverrides.NONE, null);
  }

  /** Parses the properties-style text of a script config file. */
  static ScriptConfig parse(String text, String source) {
    Boolean tx = null;
    String enc = null;
    Boolean ph = null;
    java.time.Duration lockTimeout = null;
    Integer lockRetries = null;
    java.time.Duration statementTimeout = null;
    DeployPhase phase = null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw error(source, i + 1, "expected key=value, found '" + line + "'");
      }
      String key = line.substring(0, eq).trim();
      String value = line.substring(eq + 1).trim();
      switch (key) {
        case "executeInTransaction" -> tx = bool(value, source, i + 1, key);
        case "encoding" -> enc = value;
        case "placeholderReplacement" -> ph = bool(value, source, i + 1, key);
        case "lockTimeout" ->
            lockTimeout =
                LockOverrides.duration(
                    dev.godwit.api.ConfigKey.LOCK_TIMEOUT, value, source + ":" + (i + 1) + ": ");
        case "lockRetries" ->
            lockRetries = LockOverrides.retries(value, source + ":" + (i + 1) + ": ");
        case "statementTimeout" ->
            statementTimeout =
                LockOverrides.duration(
                    dev.godwit.api.ConfigKey.STATEMENT_TIMEOUT,
                    value,
                    source + ":" + (i + 1) + ": ");
        case "phase" -> phase = phase(value, source, i + 1);
        default ->
            throw error(
                source,
                i + 1,
                "unknown setting '"
                    + key
                    + "'"
                    + NameSuggestions.hint(key, KEYS)
                    + "; script config files accept "
                    + String.join(", ", KEYS));
      }
    }
    LockOverrides lock = new LockOverrides(lockTimeout, lockRetries, statementTimeout, source);
    return new ScriptConfig(tx, enc, ph, lock.isEmpty() ? LockOverrides.NONE : lock, phase);
  }

  /** Reads the config file beside {@code script}, or {@link #NONE} when there is none. */
  static ScriptConfig forScript(Path script, String displayName) {
    Path conf = script.resolveSibling(script.getFileName() + ".conf");
    if (!Files.isRegularFile(conf)) {
      return NONE;
    }
    try {
      return parse(Files.readString(conf, StandardCharsets.UTF_8), displayName + ".conf");
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID, "Cannot read " + displayName + ".conf: " + e.getMessage(), e);
    }
  }

  private static Boolean bool(String value, String source, int line, String key) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    throw error(source, line, key + " must be true or false, not '" + value + "'");
  }

  private static DeployPhase phase(String value, String source, int line) {
    try {
      return DeployPhase.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(source, line, e.getMessage());
    }
  }

  private static GodwitException error(String source, int line, String what) {
    return new GodwitException(ErrorCode.SCRIPT_INVALID, source + ":" + line + ": " + what);
  }
}
