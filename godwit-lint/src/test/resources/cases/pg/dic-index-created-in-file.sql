-- case: dic-index-created-in-file
-- rule: drop-index-non-concurrently
-- expect: none
CREATE TABLE t_tmp (a int);
CREATE INDEX t_tmp_a ON t_tmp (a);
DROP INDEX t_tmp_a;
