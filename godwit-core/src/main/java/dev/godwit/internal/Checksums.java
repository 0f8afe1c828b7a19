package dev.godwit.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum, bit for bit: CRC-32 of the UTF-8 text without a leading BOM and without any CR
 * or LF character, read as a signed int. Streams, so a 1 GB script needs no 1 GB string.
 */
final class Checksums {
  private Checksums() {}

  /** The checksum of text held in memory. */
  static int of(String text) {
    try {
      return of(new java.io.StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException("a StringReader cannot fail", e);
    }
  }

  /** The checksum of everything the reader yields; the reader is not closed. */
  static int of(Reader reader) throws IOException {
    CRC32 crc = new CRC32();
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    char[] in = new char[8192];
    CharBuffer pending = CharBuffer.allocate(8192 + 1);
    ByteBuffer out = ByteBuffer.allocate(3 * (8192 + 1) + 8);
    boolean first = true;
    int n;
    while ((n = reader.read(in)) >= 0) {
      for (int i = 0; i < n; i++) {
        char c = in[i];
        if (first) {
          first = false;
          if (c == '\uFEFF') {
            continue;
          }
        }
        if (c != '\r' && c != '\n') {
          pending.put(c);
        }
      }
      pending.flip();
      encode(encoder, pending, out, false, crc);
      pending.compact();
    }
    pending.flip();
    encode(encoder, pending, out, true, crc);
    out.clear();
    encoder.flush(out);
    out.flip();
    crc.update(out);
    return (int) crc.getValue();
  }

  private static void encode(
      CharsetEncoder encoder, CharBuffer chars, ByteBuffer out, boolean end, CRC32 crc) {
    while (true) {
      out.clear();
      CoderResult r = encoder.encode(chars, out, end);
      if (r.isError()) {
        // A lone surrogate cannot come from a decoded file; String.getBytes would write '?'.
        out.put((byte) '?');
        chars.position(chars.position() + r.length());
      }
      out.flip();
      crc.update(out);
      if (!r.isError()) {
        return;
      }
    }
  }
}
