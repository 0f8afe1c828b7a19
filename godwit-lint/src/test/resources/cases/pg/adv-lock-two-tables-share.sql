-- case: adv-lock-two-tables-share
-- rule: explicit-lock-table
-- expect: explicit-lock-table@4
LOCK TABLE a, b IN SHARE MODE;
