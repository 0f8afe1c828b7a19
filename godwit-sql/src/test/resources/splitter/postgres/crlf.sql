SELECT 1;
-- windows line endings
SELECT
  2;

SELECT 3;
