-- case: drop-column-suppressed
-- rule: drop-column
-- expect: none
-- godwit:allow drop-column unused since release 4.2, see ticket OPS-17
ALTER TABLE users DROP COLUMN legacy_flag;
