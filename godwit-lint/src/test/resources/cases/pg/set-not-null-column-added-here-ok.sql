-- case: set-not-null-column-added-here-ok
-- rule: set-not-null
-- expect: none
-- godwit:phase post
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;
