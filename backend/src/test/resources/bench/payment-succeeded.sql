-- pgbench's transaction for `make bench` (CheckoutBenchmark): the database work of "payment succeeded" without the
-- application: lock the payment, settle it and its order, queue the key's provisioning, write the audit entry.
\set id random(1, 100000)
BEGIN;
SELECT status FROM pgbench_dm.payments WHERE id = :id FOR UPDATE;
UPDATE pgbench_dm.payments SET status = 'SUCCEEDED', updated_at = now(), version = version + 1 WHERE id = :id;
UPDATE pgbench_dm.orders SET status = 'PAID', updated_at = now() WHERE id = :id;
INSERT INTO pgbench_dm.outbox (kind, payload, created_at) VALUES ('key.push', '{"order":' || :id || '}', now());
INSERT INTO pgbench_dm.audit (action, object_id, created_at) VALUES ('payment.succeeded', :id, now());
COMMIT;
