-- With NO_BACKSLASH_ESCAPES a backslash is an ordinary character in strings.
SET @saved_mode = @@SESSION.sql_mode;
SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES');
INSERT INTO t VALUES (20, 'C:\path\to \n {fn x}');
INSERT INTO t VALUES (21, 'it''s \ a \% sign');
SET SESSION sql_mode = @saved_mode;
