-- case: volatile-default-new-table-exempt
-- rule: add-column-volatile-default
-- expect: none
CREATE TABLE tokens (id bigserial PRIMARY KEY);
ALTER TABLE tokens ADD COLUMN value uuid DEFAULT gen_random_uuid();
