package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;

/**
 * One lint rule. A fresh instance lints each file, so a rule may keep per-file state in fields.
 * Rules see each statement before its effects (objects it creates, transaction state) are applied.
 */
interface Rule {
  RuleInfo info();

  /** Looks at the current statement of {@code ctx}. */
  void check(Ctx ctx);

  /** Called once after the file's last statement. */
  default void finish(Ctx ctx) {}
}
