package dev.godwit.sql;

import static dev.godwit.sql.Scan.NEED_MORE;
import static dev.godwit.sql.Scan.NO_MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.LexicalRules.DollarQuotes;
import org.junit.jupiter.api.Test;

/**
 * The scanning primitives one by one, pgjdbc style: each takes a buffer, an offset and the end of
 * the valid data, and returns where the construct ends ({@link Scan#NEED_MORE} when the data ends
 * first).
 */
class ScanTest {
  private static char[] b(String s) {
    return s.toCharArray();
  }

  @Test
  void whitespaceEndStopsAtTheFirstOtherChar() {
    assertThat(Scan.whitespaceEnd(b(" \t\r\n\f\u000Bx"), 0, 7)).isEqualTo(6);
    assertThat(Scan.whitespaceEnd(b("   "), 1, 3)).isEqualTo(3);
    assertThat(Scan.isWhitespace('\u00A0')).isFalse();
  }

  @Test
  void identifierCharsAreAsciiLettersDigitsUnderscoreAndEveryNonAsciiChar() {
    assertThat(Scan.isIdentStart('a')).isTrue();
    assertThat(Scan.isIdentStart('_')).isTrue();
    assertThat(Scan.isIdentStart('é')).isTrue();
    assertThat(Scan.isIdentStart('1')).isFalse();
    assertThat(Scan.isIdentStart('$')).isFalse();
    assertThat(Scan.isIdentPart('1')).isTrue();
    assertThat(Scan.isIdentPart('$')).isFalse();
  }

  @Test
  void quotedEndsAfterTheClosingQuoteAndReadsDoubledQuotes() {
    char[] s = b("'it''s' x");
    assertThat(Scan.quoted(s, 1, s.length, true, '\'', false)).isEqualTo(7);
    // At the end of the data, a quote may be the first of a doubled pair: ask for more.
    assertThat(Scan.quoted(s, 1, 4, false, '\'', false)).isEqualTo(NEED_MORE);
    assertThat(Scan.quoted(s, 1, 4, true, '\'', false)).isEqualTo(4);
    assertThat(Scan.quoted(b("'abc"), 1, 4, true, '\'', false)).isEqualTo(NEED_MORE);
  }

  @Test
  void quotedSkipsTheCharAfterABackslashOnlyWhenAsked() {
    char[] s = b("'a\\'b' c");
    assertThat(Scan.quoted(s, 1, s.length, true, '\'', true)).isEqualTo(6);
    assertThat(Scan.quoted(s, 1, s.length, true, '\'', false)).isEqualTo(4);
    assertThat(Scan.quoted(b("'a\\"), 1, 3, false, '\'', true)).isEqualTo(NEED_MORE);
  }

  @Test
  void untilEndsAfterTheCloserWithoutEscapes() {
    assertThat(Scan.until(b("[a]]"), 1, 4, ']')).isEqualTo(3);
    assertThat(Scan.until(b("[ab"), 1, 3, ']')).isEqualTo(NEED_MORE);
  }

  @Test
  void lineEndStopsBeforeTheNewline() {
    assertThat(Scan.lineEnd(b("-- c\nx"), 0, 6, false)).isEqualTo(4);
    assertThat(Scan.lineEnd(b("-- c"), 0, 4, true)).isEqualTo(4);
    assertThat(Scan.lineEnd(b("-- c"), 0, 4, false)).isEqualTo(NEED_MORE);
  }

  @Test
  void blockCommentNestsOnlyWhenAsked() {
    char[] s = b("/* a /* b */ c */ d");
    assertThat(Scan.blockComment(s, 2, s.length, true)).isEqualTo(17);
    assertThat(Scan.blockComment(s, 2, s.length, false)).isEqualTo(12);
    assertThat(Scan.blockComment(b("/* a /* b */"), 2, 12, true)).isEqualTo(NEED_MORE);
  }

  @Test
  void dollarTagReadsBareAndNamedTagsButNoParameter() {
    assertThat(Scan.dollarTag(b("$$x"), 0, 3, true)).isEqualTo(2);
    assertThat(Scan.dollarTag(b("$body$x"), 0, 7, true)).isEqualTo(6);
    assertThat(Scan.dollarTag(b("$1"), 0, 2, true)).isEqualTo(NO_MATCH);
    assertThat(Scan.dollarTag(b("$a b$"), 0, 5, true)).isEqualTo(NO_MATCH);
    assertThat(Scan.dollarTag(b("$bo"), 0, 3, false)).isEqualTo(NEED_MORE);
    assertThat(Scan.dollarTag(b("$bo"), 0, 3, true)).isEqualTo(NO_MATCH);
  }

  @Test
  void dollarOpenFollowsTheDialectsKindOfDollarQuotes() {
    char[] tagged = b("$t$ x $t$");
    assertThat(Scan.dollarOpen(tagged, 0, 9, true, DollarQuotes.TAGGED)).isEqualTo(3);
    assertThat(Scan.dollarOpen(tagged, 0, 9, true, DollarQuotes.BARE)).isEqualTo(NO_MATCH);
    assertThat(Scan.dollarOpen(b("$$ x $$"), 0, 7, true, DollarQuotes.BARE)).isEqualTo(2);
    assertThat(Scan.dollarOpen(b("$$ x $$"), 0, 7, true, DollarQuotes.NONE)).isEqualTo(NO_MATCH);
    assertThat(Scan.dollarOpen(b("$"), 0, 1, false, DollarQuotes.BARE)).isEqualTo(NEED_MORE);
    assertThat(Scan.dollarOpen(b("$"), 0, 1, true, DollarQuotes.BARE)).isEqualTo(NO_MATCH);
  }

  @Test
  void dollarEndFindsTheSameTagCaseIncluded() {
    char[] s = b("$t$ a $T$ b $t$;");
    assertThat(Scan.dollarEnd(s, 3, s.length, 0, 3)).isEqualTo(15);
    assertThat(Scan.dollarEnd(s, 3, 12, 0, 3)).isEqualTo(NEED_MORE);
  }

  @Test
  void wordTakesDollarSignsOnlyWhereTheDialectDoes() {
    char[] s = b("a$b c");
    assertThat(Scan.word(s, 0, 5, true)).isEqualTo(3);
    assertThat(Scan.word(s, 0, 5, false)).isEqualTo(1);
    assertThat(Scan.word(b("abc"), 0, 3, true)).isEqualTo(3);
  }

  @Test
  void numberTakesDecimalsExponentsAndHexButNoOperator() {
    assertThat(Scan.number(b("1.5 "), 0, 4)).isEqualTo(3);
    assertThat(Scan.number(b(".5)"), 0, 3)).isEqualTo(2);
    assertThat(Scan.number(b("1e-5+1"), 0, 6)).isEqualTo(4);
    assertThat(Scan.number(b("2.E+3"), 0, 5)).isEqualTo(5);
    assertThat(Scan.number(b("0x1F,"), 0, 5)).isEqualTo(4);
    assertThat(Scan.number(b("0xFE-1"), 0, 6)).isEqualTo(4);
    assertThat(Scan.number(b("12-3"), 0, 4)).isEqualTo(2);
    assertThat(Scan.number(b("12"), 0, 2)).isEqualTo(2);
  }

  @Test
  void stringPrefixReadsStandardPrefixesAndEOnlyWithEscapeStrings() {
    assertThat(Scan.stringPrefix(b("X'41'"), 0, 5, true, false)).isEqualTo(1);
    assertThat(Scan.stringPrefix(b("b'01'"), 0, 5, true, false)).isEqualTo(1);
    assertThat(Scan.stringPrefix(b("N'x'"), 0, 4, true, false)).isEqualTo(1);
    assertThat(Scan.stringPrefix(b("u&'x'"), 0, 5, true, false)).isEqualTo(2);
    assertThat(Scan.stringPrefix(b("E'x'"), 0, 4, true, true)).isEqualTo(1);
    assertThat(Scan.stringPrefix(b("E'x'"), 0, 4, true, false)).isEqualTo(NO_MATCH);
    assertThat(Scan.stringPrefix(b("a'x'"), 0, 4, true, true)).isEqualTo(NO_MATCH);
    assertThat(Scan.stringPrefix(b("U&x"), 0, 3, true, false)).isEqualTo(NO_MATCH);
    assertThat(Scan.stringPrefix(b("U&"), 0, 2, false, false)).isEqualTo(NEED_MORE);
    assertThat(Scan.stringPrefix(b("U&"), 0, 2, true, false)).isEqualTo(NO_MATCH);
  }

  @Test
  void executableCommentReadsBothMarkersAndTheVersion() {
    assertThat(Scan.executableComment(b("/*!40101 SET"), 0, 12, true)).isEqualTo(8);
    assertThat(Scan.executableComment(b("/*! SET"), 0, 7, true)).isEqualTo(3);
    assertThat(Scan.executableComment(b("/*M!100100 x"), 0, 12, true)).isEqualTo(10);
    assertThat(Scan.executableComment(b("/* x */"), 0, 7, true)).isEqualTo(NO_MATCH);
    assertThat(Scan.executableComment(b("/*Mx"), 0, 4, true)).isEqualTo(NO_MATCH);
    assertThat(Scan.executableComment(b("/*!401"), 0, 6, false)).isEqualTo(NEED_MORE);
    assertThat(Scan.executableComment(b("/*!401"), 0, 6, true)).isEqualTo(6);
    assertThat(Scan.executableComment(b("/*"), 0, 2, false)).isEqualTo(NEED_MORE);
  }

  @Test
  void unquoteUndoublesQuotesAndKeepsTheCharAfterABackslash() {
    char[] s = b("'it''s'");
    assertThat(Scan.unquote(s, 1, s.length, '\'', false)).isEqualTo("it's");
    char[] e = b("'a\\'b\\n'");
    assertThat(Scan.unquote(e, 1, e.length, '\'', true)).isEqualTo("a'bn");
    assertThat(Scan.unquote(e, 1, 4, '\'', false)).isEqualTo("a\\");
    // Not closed: everything up to the end.
    char[] open = b("'abc");
    assertThat(Scan.unquote(open, 1, open.length, '\'', false)).isEqualTo("abc");
  }
}
