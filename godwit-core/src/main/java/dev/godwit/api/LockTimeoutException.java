package dev.godwit.api;

/** Another runner held the migration lock for longer than {@code lockWaitTimeout}. */
public final class LockTimeoutException extends GodwitException {
  private static final long serialVersionUID = 1L;

  private final String holder;

  /**
   * Creates the exception.
   *
   * @param message the full message, naming the holder
   * @param holder who holds the lock, as far as the database can tell, or null
   */
  public LockTimeoutException(String message, String holder) {
    super(ErrorCode.LOCK_TIMEOUT, message);
    this.holder = holder;
  }

  /** Who holds the lock (PostgreSQL: pid, application, client address, since when), or null. */
  public String holder() {
    return holder;
  }
}
