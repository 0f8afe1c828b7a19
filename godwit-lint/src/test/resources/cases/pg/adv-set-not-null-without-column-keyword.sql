-- case: adv-set-not-null-without-column-keyword
-- rule: set-not-null
-- expect: set-not-null@4
ALTER TABLE users ALTER email SET NOT NULL;
