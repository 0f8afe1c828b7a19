-- case: my-fulltext
-- rule: mysql-lock-not-none
-- expect: mysql-lock-not-none@4
CREATE FULLTEXT INDEX ft_body ON posts (body);
