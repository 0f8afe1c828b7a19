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
  /** Files up to this size are checksummed from their bytes in one read. */
  static final long IN_MEMORY_LIMIT = 16L * 1024 * 1024;

  private Checksums() {}

  /**
   * The checksum of valid UTF-8 bytes, without decoding them: decoding and re-encoding valid UTF-8
   * gives the same bytes back, and CR and LF bytes never occur inside a multi-byte sequence.
   */
  static int ofUtf8(byte[] bytes) {
    CRC32 crc = new CRC32();
    int from =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    int start = from;
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        if (i > start) {
          crc.update(bytes, start, i - start);
        }
        start = i + 1;
      }
    }
    if (bytes.length > start) {
      crc.update(bytes, start, bytes.length - start);
    }
    return (int) crc.getValue();
  }

  /**
   * Whether the bytes are well-formed UTF-8 as Java's strict decoder sees it: no overlong forms, no
   * surrogates, nothing above U+10FFFF, no truncated sequence.
   */
  static boolean isValidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + len > n) {
        return false;
      }
      int cp = c & (0xFF >> (len + 1));
      for (int k = 1; k < len; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += len;
    }
    return true;
  }

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
