package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.godwit.api.Godwit;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code migrate} reports the state it leaves, read on its own session: what a later {@code info}
 * shows, without a second connection (the CLI prints its table from it).
 */
class MigrateResultIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> databases() {
    return TestDatabase.factories();
  }

  /** A DataSource that counts the connections Godwit opens. */
  private static final class CountingDataSource implements DataSource {
    private final TestDatabase db;
    final AtomicInteger opened = new AtomicInteger();

    CountingDataSource(TestDatabase db) {
      this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
      opened.incrementAndGet();
      return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      opened.incrementAndGet();
      return DriverManager.getConnection(db.url(), user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }

  private Godwit godwit(CountingDataSource ds) throws Exception {
    Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE t (id INT PRIMARY KEY);\n");
    Files.writeString(dir.resolve("V2__fill.sql"), "INSERT INTO t (id) VALUES (1);\n");
    Files.writeString(dir.resolve("R__view.sql"), "CREATE VIEW v AS SELECT id FROM t;\n");
    return Godwit.configure().dataSource(ds).locations("filesystem:" + dir).load();
  }

  /**
   * Connections one locked command opens: its session's, plus the lock's own on PostgreSQL
   * (advisory lock) and MariaDB (named lock), which hold it outside the session's transactions.
   */
  private static int lockedCommand(TestDatabase db) {
    boolean lockHasItsOwnConnection =
        db.kind() == TestDatabase.Kind.POSTGRES || db.kind() == TestDatabase.Kind.MARIADB;
    return lockHasItsOwnConnection ? 2 : 1;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void migrateReportsTheStateItLeavesFromItsOwnSession(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    CountingDataSource ds = new CountingDataSource(db);
    Godwit godwit = godwit(ds);

    MigrateResult result = godwit.migrate();
    int byMigrate = ds.opened.getAndSet(0);
    InfoResult later = godwit.info();

    assertThat(byMigrate).isEqualTo(lockedCommand(db));
    assertThat(ds.opened.get()).as("info alone").isEqualTo(1);
    assertThat(result.applied()).hasSize(3);
    assertThat(result.info()).isEqualTo(later);
    assertThat(result.info().currentVersion()).isEqualTo("2");
    assertThat(result.info().migrations())
        .extracting(MigrationInfo::script, MigrationInfo::state)
        .containsExactly(
            tuple("V1__create.sql", MigrationState.SUCCESS),
            tuple("V2__fill.sql", MigrationState.SUCCESS),
            tuple("R__view.sql", MigrationState.SUCCESS));
    // Read back from the table, not the rows as migrate built them: the database set the time.
    assertThat(result.info().migrations()).allMatch(m -> m.installedOn() != null);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aMigrateWithNothingToDoIsOneConnectionAndReportsTheSameState(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    CountingDataSource ds = new CountingDataSource(db);
    Godwit godwit = godwit(ds);
    godwit.migrate();
    Files.writeString(dir.resolve("V3__more.sql"), "INSERT INTO t (id) VALUES (3);\n");
    godwit.migrate();
    ds.opened.set(0);

    MigrateResult noOp = godwit.migrate();

    assertThat(ds.opened.get()).isEqualTo(1);
    assertThat(noOp.applied()).isEmpty();
    assertThat(noOp.info()).isEqualTo(godwit.info());
    assertThat(noOp.info().currentVersion()).isEqualTo("3");
    assertThat(noOp.info().migrations()).hasSize(4);
  }
}
