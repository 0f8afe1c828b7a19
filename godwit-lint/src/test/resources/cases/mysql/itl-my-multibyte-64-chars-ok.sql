-- case: itl-my-multibyte-64-chars-ok
-- rule: identifier-too-long
-- expect: none
CREATE TABLE IF NOT EXISTS `éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé` (id BIGINT PRIMARY KEY);
