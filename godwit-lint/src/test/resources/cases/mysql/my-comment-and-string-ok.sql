-- case: my-comment-and-string-ok
-- rule: drop-table
-- expect: none
-- DROP TABLE users;
# DROP TABLE accounts;
/* DROP TABLE sessions; */
INSERT INTO audit (msg) VALUES ('DROP TABLE users');
