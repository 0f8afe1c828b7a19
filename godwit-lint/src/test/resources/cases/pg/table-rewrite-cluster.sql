-- case: table-rewrite-cluster
-- rule: table-rewrite
-- expect: table-rewrite@4
CLUSTER orders USING orders_pkey;
