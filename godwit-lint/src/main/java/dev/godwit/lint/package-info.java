/**
 * Godwit's zero-downtime safety linter: finds migration statements that take strong locks on busy
 * tables, rewrite them, fail, or break the application version still running during a deploy.
 *
 * <p>Public API. Types in this package keep source compatibility within a major version: {@link
 * dev.godwit.lint.Linter} runs the rules, {@link dev.godwit.lint.LintOptions} and {@link
 * dev.godwit.lint.LintInput} describe what to lint, {@link dev.godwit.lint.LintReport} and {@link
 * dev.godwit.lint.Finding} carry the result, {@link dev.godwit.lint.Rules} lists the catalog, and
 * {@link dev.godwit.lint.TextReport}, {@link dev.godwit.lint.LintReport#toJson()} and {@link
 * dev.godwit.lint.Sarif} render it. Rule ids are stable: suppression comments and configuration
 * rely on them.
 */
package dev.godwit.lint;
