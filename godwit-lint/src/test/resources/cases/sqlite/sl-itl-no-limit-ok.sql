-- case: sl-itl-no-limit-ok
-- rule: identifier-too-long
-- expect: none
CREATE TABLE ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss (id INTEGER PRIMARY KEY);
