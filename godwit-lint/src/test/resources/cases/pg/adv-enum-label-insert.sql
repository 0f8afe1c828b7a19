-- case: adv-enum-label-insert
-- rule: enum-value-add-in-transaction
-- expect: enum-value-add-in-transaction@5
ALTER TYPE status ADD VALUE 'archived';
INSERT INTO posts (id, status) VALUES (1, 'archived');
