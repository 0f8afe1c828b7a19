-- case: vol-current-timestamp-precision-ok
-- rule: add-column-volatile-default
-- expect: none
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT current_timestamp(3);
