-- case: add-check-quoted-not-valid-name
-- rule: add-check-constraint
-- expect: add-check-constraint@4
ALTER TABLE orders ADD CONSTRAINT "not valid" CHECK (total >= 0);
