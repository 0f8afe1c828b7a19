-- case: itl-index-name
-- rule: identifier-too-long
-- expect: identifier-too-long@4
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy ON users (email);
