-- case: adv-my-executable-comment-not-null
-- rule: add-column-not-null-no-default
-- expect: add-column-not-null-no-default@4
/*!80000 ALTER TABLE t ADD COLUMN c INT NOT NULL */;
