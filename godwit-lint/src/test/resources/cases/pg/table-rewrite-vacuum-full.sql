-- case: table-rewrite-vacuum-full
-- rule: table-rewrite
-- tx: off
-- expect: table-rewrite@5
VACUUM FULL orders;
