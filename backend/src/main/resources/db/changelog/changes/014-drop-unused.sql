--liquibase formatted sql

--changeset dm:014-drop-idempotency-keys
-- Never written: orders keep their Idempotency-Key on the order row itself (orders.idempotency_key).
DROP TABLE IF EXISTS idempotency_keys;
