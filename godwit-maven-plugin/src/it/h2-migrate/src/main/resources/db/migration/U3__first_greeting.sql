DELETE FROM greeting WHERE id = 1;
