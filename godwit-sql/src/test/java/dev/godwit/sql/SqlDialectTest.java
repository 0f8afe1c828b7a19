package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.sql.LexicalRules.DollarQuotes;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SqlDialectTest {

  @Test
  void mariaDbIsAMemberOfTheMySqlFamilyAndEveryOtherDialectItsOwn() {
    assertThat(SqlDialect.MARIADB.family()).isEqualTo(SqlDialect.MYSQL);
    for (SqlDialect d : SqlDialect.values()) {
      if (d != SqlDialect.MARIADB) {
        assertThat(d.family()).isEqualTo(d);
      }
    }
    assertThat(SqlDialect.MARIADB.lexicalRules()).isEqualTo(SqlDialect.MYSQL.lexicalRules());
  }

  @Test
  void labelsAreTheShortNamesOfJsonAndTheCommandLine() {
    assertThat(Arrays.stream(SqlDialect.values()).map(SqlDialect::label))
        .containsExactly("pg", "mysql", "sqlite", "h2", "mariadb");
    assertThat(Arrays.stream(SqlDialect.values()).map(SqlDialect::displayName))
        .containsExactly("PostgreSQL", "MySQL", "SQLite", "H2", "MariaDB");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void readsItsOwnLabelBack(SqlDialect d) {
    assertThat(SqlDialect.fromLabel(d.label())).isEqualTo(d);
  }

  @ParameterizedTest
  @CsvSource({
    "pg, POSTGRES",
    "postgres, POSTGRES",
    "' PostgreSQL ', POSTGRES",
    "mysql, MYSQL",
    "my, MYSQL",
    "MariaDB, MARIADB",
    "sqlite, SQLITE",
    "sl, SQLITE",
    "H2, H2"
  })
  void readsTheLabelsUsersWrite(String label, SqlDialect expected) {
    assertThat(SqlDialect.fromLabel(label)).isEqualTo(expected);
  }

  @Test
  void rejectsAnUnknownLabelNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> SqlDialect.fromLabel("oracle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dialect 'oracle': use pg, mysql, mariadb, sqlite or h2");
  }

  @ParameterizedTest
  @CsvSource({
    "jdbc:postgresql://db:5432/app, POSTGRES",
    "jdbc:mysql://db:3306/app, MYSQL",
    "jdbc:mariadb://db:3306/app, MARIADB",
    "jdbc:sqlite:/tmp/app.db, SQLITE",
    "jdbc:h2:mem:app, H2",
    "JDBC:PostgreSQL://db/app, POSTGRES"
  })
  void readsTheDialectOfAJdbcUrl(String url, SqlDialect expected) {
    assertThat(SqlDialect.fromJdbcUrl(url)).contains(expected);
  }

  @Test
  void aMySqlUrlNamesOnlyTheFamily() {
    // MariaDB's driver serves jdbc:mysql: URLs as well: only the server can tell.
    SqlDialect d = SqlDialect.fromJdbcUrl("jdbc:mysql://maria:3306/app").orElseThrow();
    assertThat(d).isEqualTo(SqlDialect.MYSQL);
    assertThat(d.family()).isEqualTo(SqlDialect.MARIADB.family());
  }

  @Test
  void knowsNoOtherUrl() {
    assertThat(SqlDialect.fromJdbcUrl("jdbc:oracle:thin:@db:1521/x")).isEmpty();
    assertThat(SqlDialect.fromJdbcUrl("jdbc:postgres://db/app")).isEmpty();
    assertThat(SqlDialect.fromJdbcUrl("")).isEmpty();
    assertThat(SqlDialect.fromJdbcUrl(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "PostgreSQL, 15.4, POSTGRES",
    "H2, 2.2.224 (2023-09-17), H2",
    "SQLite, 3.45.1, SQLITE",
    "MySQL, 8.0.36, MYSQL",
    "MariaDB, 10.11.19-MariaDB, MARIADB",
    "MySQL, 10.11.19-MariaDB, MARIADB",
    "MySQL, 5.5.5-10.11.6-MariaDB-1:10.11.6+maria~ubu2204, MARIADB"
  })
  void readsTheDialectOfAConnectedServer(String product, String version, SqlDialect expected) {
    assertThat(SqlDialect.fromServer(product, version)).contains(expected);
  }

  @Test
  void knowsNoOtherServer() {
    assertThat(SqlDialect.fromServer("Oracle", "19c")).isEmpty();
    assertThat(SqlDialect.fromServer(null, null)).isEqualTo(Optional.empty());
  }

  @Test
  void lexicalFactsAreThoseOfTheEnginesOwnLexers() {
    LexicalRules pg = SqlDialect.POSTGRES.lexicalRules();
    assertThat(pg.isStringQuote('\'')).isTrue();
    assertThat(pg.isIdentifierQuote('"')).isTrue();
    assertThat(pg.isIdentifierQuote('`')).isFalse();
    assertThat(pg.escapeStrings()).isTrue();
    assertThat(pg.backslashEscapes()).isFalse();
    assertThat(pg.nestedBlockComments()).isTrue();
    assertThat(pg.dollarQuotes()).isEqualTo(DollarQuotes.TAGGED);

    LexicalRules my = SqlDialect.MYSQL.lexicalRules();
    assertThat(my.isStringQuote('"')).isTrue();
    assertThat(my.isIdentifierQuote('`')).isTrue();
    assertThat(my.backslashEscapes()).isTrue();
    assertThat(my.hashComments()).isTrue();
    assertThat(my.dashCommentNeedsSpace()).isTrue();
    assertThat(my.nestedBlockComments()).isFalse();
    assertThat(my.executableComments()).isTrue();

    LexicalRules sqlite = SqlDialect.SQLITE.lexicalRules();
    assertThat(sqlite.bracketIdentifiers()).isTrue();
    assertThat(sqlite.isIdentifierQuote('`')).isTrue();
    assertThat(sqlite.dollarInIdentifiers()).isTrue();
    assertThat(sqlite.nestedBlockComments()).isFalse();

    LexicalRules h2 = SqlDialect.H2.lexicalRules();
    assertThat(h2.nestedBlockComments()).isTrue();
    assertThat(h2.slashSlashComments()).isTrue();
    assertThat(h2.isIdentifierQuote('`')).isTrue();
    assertThat(h2.dollarQuotes()).isEqualTo(DollarQuotes.BARE);

    for (SqlDialect d : SqlDialect.values()) {
      LexicalRules r = d.lexicalRules();
      assertThat(r.hashComments()).as(d.name()).isEqualTo(d.family() == SqlDialect.MYSQL);
      assertThat(r.bracketIdentifiers()).as(d.name()).isEqualTo(d == SqlDialect.SQLITE);
    }
  }

  @Test
  void rejectsQuoteSetsThatOverlapOrHoldOtherCharacters() {
    assertThatThrownBy(
            () ->
                new LexicalRules(
                    "'\"",
                    "\"",
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    DollarQuotes.NONE,
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both strings and identifiers");
    assertThatThrownBy(
            () ->
                new LexicalRules(
                    "'",
                    "[",
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    DollarQuotes.NONE,
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a quote character");
  }
}
