CREATE RULE log_insert AS ON INSERT TO t DO ALSO (
    INSERT INTO audit VALUES (new.id);
    NOTIFY t_changed
);
SELECT (1);
