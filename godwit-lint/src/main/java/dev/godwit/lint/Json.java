package dev.godwit.lint;

import java.util.List;
import java.util.Locale;

/** A minimal JSON writer: the module has no dependencies, and reports need only a few shapes. */
final class Json {
  private final StringBuilder b = new StringBuilder();
  private final boolean pretty;
  private int depth;
  private boolean first = true;

  Json(boolean pretty) {
    this.pretty = pretty;
  }

  Json open(char c) {
    b.append(c);
    depth++;
    first = true;
    return this;
  }

  Json close(char c) {
    depth--;
    if (!first) {
      newline();
    }
    b.append(c);
    first = false;
    return this;
  }

  Json key(String k) {
    element();
    string(k);
    b.append(pretty ? ": " : ":");
    first = true;
    return this;
  }

  /** Starts an array or object element (or the value after a key). */
  Json element() {
    if (first
        && b.length() > 0
        && b.charAt(b.length() - 1) != ':'
        && b.charAt(b.length() - 1) != ' ') {
      newline();
    } else if (!first) {
      b.append(',');
      newline();
    }
    first = false;
    return this;
  }

  private void newline() {
    if (pretty) {
      b.append('\n');
      b.append("  ".repeat(Math.max(0, depth)));
    }
  }

  Json value(String s) {
    valueStart();
    if (s == null) {
      b.append("null");
    } else {
      string(s);
    }
    return this;
  }

  Json value(long n) {
    valueStart();
    b.append(n);
    return this;
  }

  Json value(boolean v) {
    valueStart();
    b.append(v);
    return this;
  }

  Json values(List<String> list) {
    valueStart();
    open('[');
    for (String s : list) {
      value(s);
    }
    return close(']');
  }

  Json field(String k, String v) {
    return key(k).value(v);
  }

  Json field(String k, long v) {
    return key(k).value(v);
  }

  Json field(String k, boolean v) {
    return key(k).value(v);
  }

  /** A value after a key goes right there; in an array it is a new element. */
  private void valueStart() {
    char last = b.length() == 0 ? 0 : b.charAt(b.length() - 1);
    if (last == ':' || (last == ' ' && b.length() > 1 && b.charAt(b.length() - 2) == ':')) {
      first = false;
      return;
    }
    element();
  }

  Json objectValue() {
    valueStart();
    return open('{');
  }

  Json arrayValue() {
    valueStart();
    return open('[');
  }

  private void string(String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
