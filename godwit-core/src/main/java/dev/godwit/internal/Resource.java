package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file found in a location.
 *
 * @param location the location it was found in, as configured
 * @param relativePath its path relative to the location root, with {@code /} separators: this is
 *     the {@code script} column
 * @param fileName the file name alone
 * @param path the file on disk, or null for a classpath entry inside a jar
 * @param url the classpath URL, or null for a file on disk
 */
record Resource(String location, String relativePath, String fileName, Path path, URL url) {

  /** A readable name for messages: the path on disk or the location-qualified path. */
  String displayName() {
    return path != null ? path.toString() : location + "/" + relativePath;
  }

  /** The size in bytes, or {@code Long.MAX_VALUE} when unknown (a classpath entry). */
  long size() {
    if (path == null) {
      return Long.MAX_VALUE;
    }
    try {
      return Files.size(path);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The whole file's bytes. */
  byte[] readAllBytes() throws IOException {
    if (path != null) {
      return Files.readAllBytes(path);
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }

  /** Opens the raw bytes. */
  InputStream open() throws IOException {
    return path != null ? Files.newInputStream(path) : url.openStream();
  }

  /**
   * Opens the text with a strict decoder: malformed bytes are an error rather than silently
   * replaced, since a replaced character would change both the SQL and the checksum.
   */
  Reader openReader(Charset charset) throws IOException {
    return new BufferedReader(openUnbufferedReader(charset), 65536);
  }

  /**
   * As {@link #openReader}, for a caller that reads in large blocks of its own (the splitter's
   * window): no 64 Ki-char buffer to allocate for every small file.
   */
  Reader openUnbufferedReader(Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(open(), decoder);
  }

  /** Reads the whole text, failing with a clear message on malformed bytes. */
  String readText(Charset charset) {
    try {
      // One read sized by the file, one strict decode: no stream buffers per file.
      byte[] bytes = readAllBytes();
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw undecodable(charset, e);
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID, "Cannot read " + displayName() + ": " + e.getMessage(), e);
    }
  }

  GodwitException undecodable(Charset charset, Exception e) {
    return new GodwitException(
        ErrorCode.SCRIPT_INVALID,
        "Cannot read "
            + displayName()
            + " as "
            + charset.name()
            + " ("
            + e.getMessage()
            + "). Set the right encoding in "
            + fileName
            + ".conf (encoding=ISO-8859-1, for example) or with the 'encoding' setting.",
        e);
  }
}
