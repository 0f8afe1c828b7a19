ALTER TABLE customer ADD COLUMN email VARCHAR(200);
COMMENT ON TABLE customer IS 'Customers of ${app}';
