-- Slow enough that the second replica arrives while the first holds the lock; the CREATE would fail
-- if both ran it.
CREATE TABLE replica_run (id SERIAL PRIMARY KEY, pid INT NOT NULL DEFAULT pg_backend_pid());
SELECT pg_sleep(2);
INSERT INTO replica_run DEFAULT VALUES;
