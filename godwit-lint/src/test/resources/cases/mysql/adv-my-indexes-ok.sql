-- case: adv-my-indexes-ok
-- rule: add-unique-constraint
-- expect: none
ALTER TABLE t ADD INDEX idx_a (a), ADD UNIQUE KEY uk_b (b);
ALTER TABLE t RENAME INDEX idx_a TO idx_a2;
DELETE FROM t WHERE id = 5 LIMIT 1;
