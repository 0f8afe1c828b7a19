// H2 line comment; not code
SELECT 1 // trailing; comment
;
/* nested /* in H2; */ SELECT 0; */ SELECT 2;
-- dash comment
SELECT "quoted;id", 'str;ing' FROM "t";
MERGE INTO t KEY (id) VALUES (1, 'x');
INSERT INTO t VALUES (2, 'y');
