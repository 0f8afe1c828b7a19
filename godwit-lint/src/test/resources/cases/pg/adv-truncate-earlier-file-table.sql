-- case: adv-truncate-earlier-file-table
-- rule: truncate-table
-- expect: truncate-table@6
CREATE TABLE users_import (id bigint, raw text);
-- @applied-above
TRUNCATE users_import;
