-- case: adv-sl-create-drop-same-file
-- rule: drop-table
-- expect: none
CREATE TABLE IF NOT EXISTS t_tmp (id INTEGER);
DROP TABLE IF EXISTS t_tmp;
