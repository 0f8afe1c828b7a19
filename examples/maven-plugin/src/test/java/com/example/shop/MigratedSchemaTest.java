package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The build's godwit:migrate ran before the tests: the schema and its history are there. */
class MigratedSchemaTest {

  @Test
  void theBuildMigratedTheDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(System.getProperty("db.url"), "sa", "");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT MAX(\"version\") FROM \"godwit_schema_history\" WHERE \"success\"")) {
        rs.next();
        assertEquals("3", rs.getString(1));
      }
    }
  }
}
