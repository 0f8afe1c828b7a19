-- case: adv-comment-between-keywords
-- rule: create-index-non-concurrently
-- expect: create-index-non-concurrently@4
CREATE /* CONCURRENTLY */ INDEX users_y ON users (y);
