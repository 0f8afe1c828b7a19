SELECT 'it''s; fine', E'it\'s; \\ fine', e'\n;';
SELECT 'backslash is literal \';
SELECT U&'d\0061t\+000061;', U&"d;ata" UESCAPE '!';
SELECT B'1010;', X'1F;', N'nat;ional';
SELECT "quoted ""ident;""" FROM "weird;table";
