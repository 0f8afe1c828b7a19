# hash comment; not code
SELECT 'a''b', 'c\'d;', "e\"f;", "g""h;" ; -- dash comment; with space
SELECT 1--1;
SELECT 2 --	tab counts as whitespace
;
SELECT `weird``name;` FROM `db`.`t;`;
SELECT 3 # trailing hash; comment
;
REPLACE INTO t VALUES (1);
INSERT INTO t VALUES (1) RETURNING id;
