-- Strings the JDBC escape syntax ({fn ...}, {d ...}) would misread; the mariadb client sends each as written.
CREATE TABLE t (id INT PRIMARY KEY, v TEXT);
INSERT INTO t VALUES (1, 'a''b\'c');
INSERT INTO t VALUES (2, 'ends with a backslash\\');
INSERT INTO t VALUES (3, "double \"quoted\" ""twice"" 'single'");
INSERT INTO t VALUES (4, 'tab\there\nnewline \%\_ \Z \q');
INSERT INTO t VALUES (5, CASE WHEN 'a_b' LIKE 'a\_b' THEN 'escaped' ELSE 'not' END);
INSERT INTO t VALUES (6, CASE WHEN 'axb' LIKE 'a|_b' ESCAPE '|' THEN 'wildcard' ELSE 'literal' END);
INSERT INTO t VALUES (7, '{fn ucase(''x'')} {d ''2020-01-01''} }{ {');
# a hash comment { with {fn now()} }
/* a block comment { } and a quote ' */
INSERT INTO t VALUES (8, CONCAT(X'41', _utf8mb4'\u00e9 {\'}', N'n\'s'));
INSERT INTO t VALUES (9, '{ts ''2020-01-01 00:00:00''}');
