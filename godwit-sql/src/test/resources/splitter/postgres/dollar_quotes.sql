SELECT $$a;b$$, $x$ $$ ; $x$, $_1$;$_1$;
PREPARE q AS SELECT $1 + $2;
SELECT a$b$, $1 FROM t$1;
DO $outer$
BEGIN
  EXECUTE $inner$ CREATE TABLE x (a int); $inner$;
  RAISE NOTICE 'done $outer';
END
$outer$;
SELECT $ÄÖ$ ünïcode; $ÄÖ$;
