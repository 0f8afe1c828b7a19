-- case: adv-drop-temp-created
-- rule: drop-table
-- expect: none
CREATE TEMP TABLE tmp_x (id int);
DROP TABLE IF EXISTS tmp_x;
