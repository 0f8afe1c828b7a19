-- case: cic-in-comment-and-dollar-body
-- rule: create-index-non-concurrently
-- expect: none
/* CREATE INDEX users_x ON users (x); */
-- CREATE INDEX users_y ON users (y);
CREATE FUNCTION make_idx() RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  EXECUTE 'CREATE INDEX users_z ON users (z)';
  DROP TABLE users;
END
$body$;
