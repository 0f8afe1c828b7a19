-- case: itl-quoted-multibyte
-- rule: identifier-too-long
-- expect: identifier-too-long@4
CREATE TABLE "éééééééééééééééééééééééééééééééé" (id bigint PRIMARY KEY);
