-- case: unbatched-insert-select
-- rule: unbatched-data-change
-- tx: off
-- expect: unbatched-data-change@5
INSERT INTO users_archive (id, email) SELECT id, email FROM users;
