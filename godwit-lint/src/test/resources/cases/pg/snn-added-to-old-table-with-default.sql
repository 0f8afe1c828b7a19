-- case: snn-added-to-old-table-with-default
-- rule: set-not-null
-- expect: set-not-null@5
ALTER TABLE users ADD COLUMN active boolean DEFAULT true;
ALTER TABLE users ALTER COLUMN active SET NOT NULL;
