-- case: my-executable-comment-counts
-- rule: drop-table
-- expect: drop-table@4
/*!50000 DROP TABLE legacy_sessions */;
