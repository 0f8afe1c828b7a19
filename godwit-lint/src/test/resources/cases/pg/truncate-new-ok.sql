-- case: truncate-new-ok
-- rule: truncate-table
-- expect: none
CREATE TABLE staging (id bigint);
TRUNCATE staging;
