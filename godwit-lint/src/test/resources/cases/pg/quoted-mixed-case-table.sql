-- case: quoted-mixed-case-table
-- rule: rename-column
-- expect: rename-column@5
CREATE TABLE "Users" (id bigint, email text);
ALTER TABLE users RENAME COLUMN email TO mail;
ALTER TABLE "Users" RENAME COLUMN email TO mail;
