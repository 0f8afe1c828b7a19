CREATE PROCEDURE cleanup(IN days INT)
BEGIN
  DECLARE done INT DEFAULT FALSE;
  DECLARE n INT DEFAULT 0;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  IF days IS NULL THEN
    SET days = 30;
  ELSEIF days < 0 THEN
    SET days = IF(days < -10, 10, -days);
  END IF;
  read_loop: LOOP
    IF done THEN
      LEAVE read_loop;
    END IF;
    SET n = n + 1;
  END LOOP read_loop;
  WHILE n > 0 DO
    SET n = n - 1;
  END WHILE;
  REPEAT
    SET n = n + 1;
  UNTIL n >= 3 END REPEAT;
  CASE n
    WHEN 3 THEN SELECT 'three';
    ELSE SELECT CASE WHEN n > 3 THEN 'more' ELSE 'less' END;
  END CASE;
  DELETE FROM logs WHERE created < NOW() - INTERVAL days DAY;
END;

CALL cleanup(7);
