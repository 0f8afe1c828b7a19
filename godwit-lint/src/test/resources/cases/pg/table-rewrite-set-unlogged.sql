-- case: table-rewrite-set-unlogged
-- rule: table-rewrite
-- expect: table-rewrite@4 table-rewrite@5
ALTER TABLE sessions SET UNLOGGED;
ALTER TABLE sessions SET TABLESPACE fast_ssd;
