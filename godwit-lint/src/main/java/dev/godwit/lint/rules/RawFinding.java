package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.List;

/**
 * A finding as a rule reports it, before suppressions and severity adjustments.
 *
 * @param stmtIndex the statement it belongs to, or -1 for the file
 * @param sizeTable the table whose size a size-aware rule depends on, or null
 * @param severity the severity the rule chose, or null for the configured one
 */
record RawFinding(
    RuleInfo rule,
    int stmtIndex,
    int line,
    int column,
    String statement,
    String message,
    List<String> recipe,
    Name sizeTable,
    Severity severity) {}
