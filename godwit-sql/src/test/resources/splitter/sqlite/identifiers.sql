CREATE TABLE [my;table] ("col;1" TEXT, `col;2` TEXT, [col 3] INTEGER);
INSERT INTO [my;table] VALUES ('a''b;', 'x', 1);
SELECT "col;1", `col;2` FROM [my;table] WHERE [col 3] = $param;
