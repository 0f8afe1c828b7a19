-- case: drop-table-created-here-ok
-- rule: drop-table
-- expect: none
CREATE TABLE tmp_import (id bigint);
DROP TABLE tmp_import;
