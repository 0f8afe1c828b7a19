-- case: my-drop-temporary-ok
-- rule: drop-table
-- expect: none
DROP TEMPORARY TABLE IF EXISTS scratch;
