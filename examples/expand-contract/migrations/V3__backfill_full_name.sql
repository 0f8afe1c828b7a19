-- Release 2, post-deploy: every instance runs the new code, which writes full_name, so after this
-- backfill no row lacks it. Batches of 1,000 rows, each its own short transaction with its
-- progress; a killed run continues after the last committed batch.
-- godwit:phase post
-- godwit:batch rows=1000 pause=10ms
UPDATE users SET full_name = name WHERE full_name IS NULL;
