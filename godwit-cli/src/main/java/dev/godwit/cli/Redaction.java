package dev.godwit.cli;

import dev.godwit.api.SecretMasking;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The secrets of this run and the one place output passes through on its way out: {@link Main} puts
 * stdout and stderr behind {@link #stream}, so that what the drivers log themselves (pgjdbc through
 * java.util.logging, the MariaDB driver through SLF4J) is masked like Godwit's own messages.
 */
final class Redaction {
  private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

  private Redaction() {}

  /** Adds secrets of this run (the password, passwords embedded in URLs). */
  static void add(Collection<String> secrets) {
    for (String s : secrets) {
      if (s != null && !s.isEmpty() && !SECRETS.contains(s)) {
        SECRETS.add(s);
      }
    }
  }

  /** The text with URLs and every secret known so far masked. */
  static String scrub(String text) {
    return SecretMasking.scrub(text, SECRETS);
  }

  /** A throwable's stack trace, its messages and those of its causes masked. */
  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return scrub(w.toString());
  }

  /** A stream that masks each line before it reaches {@code target}. */
  static PrintStream stream(PrintStream target) {
    return new PrintStream(new LineMasking(target), true, StandardCharsets.UTF_8);
  }

  /**
   * Holds bytes until a line is complete (or a flush asks for them), so that a secret is masked as
   * a whole; a partial line is let through on flush for prompts and progress.
   */
  private static final class LineMasking extends OutputStream {
    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineMasking(PrintStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        emit();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      emit();
      target.flush();
    }

    private void emit() {
      if (line.size() == 0) {
        return;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      target.print(scrub(text));
    }
  }
}
