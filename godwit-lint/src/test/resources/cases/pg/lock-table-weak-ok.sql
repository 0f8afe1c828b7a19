-- case: lock-table-weak-ok
-- rule: explicit-lock-table
-- expect: none
LOCK TABLE accounts IN ROW EXCLUSIVE MODE;
LOCK accounts IN SHARE UPDATE EXCLUSIVE MODE;
