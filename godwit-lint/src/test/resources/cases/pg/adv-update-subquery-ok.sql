-- case: adv-update-subquery-ok
-- rule: unbatched-data-change
-- tx: off
-- expect: none
UPDATE users SET a = 1 WHERE id IN (SELECT user_id FROM banned);
UPDATE users u SET plan = a.plan FROM accounts a WHERE u.account_id = a.id;
DELETE FROM sessions WHERE created_at < now() - interval '30 days';
