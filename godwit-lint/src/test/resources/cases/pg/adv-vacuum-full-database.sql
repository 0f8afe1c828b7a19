-- case: adv-vacuum-full-database
-- rule: table-rewrite
-- tx: off
-- expect: table-rewrite@5
VACUUM FULL;
