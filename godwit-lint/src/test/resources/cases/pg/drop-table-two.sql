-- case: drop-table-two
-- rule: drop-table
-- expect: drop-table@4 drop-table@4
DROP TABLE audit_2019, audit_2020 CASCADE;
