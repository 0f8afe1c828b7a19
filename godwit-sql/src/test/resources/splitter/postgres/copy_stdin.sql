CREATE TABLE t (a int, b text);
COPY t (a, b) FROM stdin;
1	one; not a statement
2	'quoted
3	\N
\.
COPY public.u FROM STDIN WITH (FORMAT csv, HEADER true);
a,b
"x;y",2
\.
SELECT count(*) FROM t;
