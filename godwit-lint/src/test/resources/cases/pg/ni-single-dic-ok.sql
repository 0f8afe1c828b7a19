-- case: ni-single-dic-ok
-- rule: non-idempotent-statement
-- expect: none
DROP INDEX CONCURRENTLY users_email_idx;
