/**
 * The rules, one class per rule, and the machinery they share: a tokenizer over one statement, a
 * small parser, a schema model built from earlier migrations, and the per-file state (transaction,
 * locks held, timeouts set).
 *
 * <p>Not API: only {@link dev.godwit.lint.rules.RuleEngine} is public, for {@link
 * dev.godwit.lint.Linter}; everything else is package-private and may change at any time.
 */
package dev.godwit.lint.rules;
