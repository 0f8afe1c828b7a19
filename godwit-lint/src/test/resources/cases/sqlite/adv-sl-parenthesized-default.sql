-- case: adv-sl-parenthesized-default
-- rule: add-column-volatile-default
-- expect: add-column-volatile-default@4
ALTER TABLE t ADD c INTEGER DEFAULT (1);
