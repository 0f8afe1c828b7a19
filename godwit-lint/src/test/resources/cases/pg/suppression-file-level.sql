-- case: suppression-file-level
-- rule: drop-table
-- expect: none
-- godwit:allow drop-table cleanup of retired tables, approved by DBA
DROP TABLE old_a;
DROP TABLE old_b;
