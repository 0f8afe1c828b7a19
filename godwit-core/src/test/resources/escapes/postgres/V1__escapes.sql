-- Strings the JDBC escape syntax ({fn ...}, {d ...}) would misread; psql sends each as written.
CREATE TABLE t (id INT PRIMARY KEY, v TEXT);
INSERT INTO t VALUES (1, E'a''b\'c');
INSERT INTO t VALUES (2, E'ends with a backslash\\');
INSERT INTO t VALUES (3, E'\x41\u00e9\t\101');
INSERT INTO t VALUES (4, 'C:\path\');
INSERT INTO t VALUES (5, CASE WHEN 'a_b' LIKE 'a\_b' ESCAPE '\' THEN 'escaped' ELSE 'not' END);
INSERT INTO t VALUES (6, CASE WHEN 'axb' LIKE 'a\_b' ESCAPE '\' THEN 'wildcard' ELSE 'literal' END);
INSERT INTO t VALUES (7, U&'d!0061t!+000061 \' UESCAPE '!');
INSERT INTO t VALUES (8, '{fn ucase(''x'')} {d ''2020-01-01''} }{ {');
/* a block comment { with {fn now()} } and a quote ' */
INSERT INTO t VALUES (9, E'{\'} \\{');
-- a line comment with {ts '2020-01-01 00:00:00'} and }
INSERT INTO t VALUES (10, $tag${oj x} \ '$tag$);
UPDATE t SET v = v || E'\\' WHERE id = 4;
