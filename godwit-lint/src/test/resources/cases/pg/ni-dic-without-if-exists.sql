-- case: ni-dic-without-if-exists
-- rule: non-idempotent-statement
-- expect: non-idempotent-statement@5
DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;
DROP INDEX CONCURRENTLY users_email_idx;
