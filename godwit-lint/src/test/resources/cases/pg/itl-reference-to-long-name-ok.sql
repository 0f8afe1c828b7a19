-- case: itl-reference-to-long-name-ok
-- rule: identifier-too-long
-- expect: none
-- only names that are created count; this one already exists
SELECT count(*) FROM qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq;
