-- case: type-identity-bigserial
-- rule: prefer-identity-over-serial
-- enable: prefer-identity-over-serial
-- expect: prefer-identity-over-serial@5
CREATE TABLE teams (id bigserial PRIMARY KEY);
