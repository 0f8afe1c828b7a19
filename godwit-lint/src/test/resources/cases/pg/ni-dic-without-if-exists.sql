-- case: ni-dic-without-if-exists
-- rule: non-idempotent-statement
-- expect: non-idempotent-statement@4
DROP INDEX CONCURRENTLY users_email_idx;
