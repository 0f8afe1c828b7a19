package dev.godwit.junit;

/**
 * A database migrated once, which tests get copies of. Closing it drops it and whatever it keeps on
 * disk.
 */
sealed interface Template extends AutoCloseable
    permits FileTemplate, PostgresTemplate, MariaDbTemplate, ReadyCopies {

  /** A new copy, for one test. */
  DatabaseCopy copy();

  @Override
  void close();

  /** Makes and migrates the template for {@code setup}, with copies made ahead. */
  static Template create(Setup setup) {
    return new ReadyCopies(migrated(setup));
  }

  private static Template migrated(Setup setup) {
    return switch (setup.database()) {
      case H2, SQLITE -> FileTemplate.create(setup);
      case EMBEDDED_POSTGRES -> PostgresTemplate.embedded(setup);
      case URL -> {
        String url = setup.url();
        if (url.startsWith("jdbc:postgresql:")) {
          yield PostgresTemplate.at(setup);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
          yield MariaDbTemplate.at(setup);
        }
        throw new IllegalArgumentException(
            "@GodwitTest(database = URL) takes a jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:"
                + " URL, not "
                + Urls.masked(url)
                + "; for H2 or SQLite use database = H2 or SQLITE");
      }
    };
  }
}
