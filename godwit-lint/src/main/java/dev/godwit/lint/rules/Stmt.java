package dev.godwit.lint.rules;

import dev.godwit.sql.Statement;
import dev.godwit.sql.Token;
import java.util.List;

/**
 * One statement of the file being linted, as the rules see it.
 *
 * @param index position among the file's code statements
 * @param statement the splitter's statement (text, position, leading comments, flags)
 * @param tokens its code tokens
 * @param parsed what it is
 */
record Stmt(int index, Statement statement, List<Token> tokens, Parsed parsed) {}
