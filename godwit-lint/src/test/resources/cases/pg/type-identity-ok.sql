-- case: type-identity-ok
-- rule: prefer-identity-over-serial
-- enable: prefer-identity-over-serial
-- expect: none
CREATE TABLE teams (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
