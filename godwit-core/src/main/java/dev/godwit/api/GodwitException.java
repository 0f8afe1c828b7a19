package dev.godwit.api;

import java.util.Objects;

/**
 * The root of every exception Godwit throws. Unchecked; carries a stable {@link ErrorCode}. The
 * message names the file and line first and the fix second, and never contains a password.
 */
public class GodwitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /** Creates an exception with a code and a message. */
  public GodwitException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Creates an exception with a code, a message and the underlying cause. */
  public GodwitException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code of this failure. */
  public ErrorCode code() {
    return code;
  }
}
