-- case: my-add-fulltext
-- rule: mysql-lock-not-none
-- expect: mysql-lock-not-none@4
ALTER TABLE posts ADD FULLTEXT INDEX ft_title (title);
