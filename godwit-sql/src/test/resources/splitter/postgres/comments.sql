/* header
   /* nested: SELECT 1; */
   still the header; */
SELECT 1 /* inline; /* nested */ */ + 1;
-- line; comment
SELECT 2 -- trailing; comment
;
SELECT 3--no space needed in PostgreSQL
;
SELECT 4 - -1;
