/**
 * The rules, one class per rule, and the machinery they share: a tokenizer over one statement, a
 * small parser, a schema model built from earlier migrations, and the per-file state (transaction,
 * locks held, timeouts set).
 *
 * <p>Not API: nothing here is public. {@link dev.godwit.lint.Linter} and {@link
 * dev.godwit.lint.Rules} reach {@code RuleEngine} through {@code dev.godwit.lint.RuleEngineAccess};
 * everything may change at any time.
 */
package dev.godwit.lint.rules;
