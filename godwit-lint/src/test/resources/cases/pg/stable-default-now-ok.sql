-- case: stable-default-now-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN flag boolean DEFAULT false NOT NULL;
ALTER TABLE orders ADD COLUMN label text DEFAULT lower('X') || 'y';
ALTER TABLE orders ADD COLUMN tags jsonb DEFAULT '{}'::jsonb;
ALTER TABLE orders ADD COLUMN ts timestamp DEFAULT CURRENT_TIMESTAMP;
