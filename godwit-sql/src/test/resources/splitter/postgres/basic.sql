-- Migration: create the users table.
-- godwit:lint-ignore destructive
CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE -- lower-cased by the app; really
);

/* seed */
INSERT INTO users (email) VALUES ('a@example.com'), ('b;c@example.com');
UPDATE users SET email = lower(email) ; DELETE FROM users WHERE email = '';

SELECT 1 ;;

-- trailing note
/* and a block */
