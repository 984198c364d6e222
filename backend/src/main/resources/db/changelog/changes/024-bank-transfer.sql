--liquibase formatted sql

--changeset dm:024-bank-transfer
-- Manual bank transfer (issue 21): a method of its own, confirmed by an admin when the money arrives.
ALTER TABLE orders DROP CONSTRAINT orders_payment_method_check;
ALTER TABLE orders ADD CONSTRAINT orders_payment_method_check
    CHECK (payment_method IN ('YOOKASSA', 'STARS', 'BALANCE', 'CRYPTOBOT', 'BANK_TRANSFER'));
ALTER TABLE payments DROP CONSTRAINT payments_provider_check;
ALTER TABLE payments ADD CONSTRAINT payments_provider_check
    CHECK (provider IN ('YOOKASSA', 'STARS', 'BALANCE', 'CRYPTOBOT', 'BANK_TRANSFER'));
--rollback ALTER TABLE payments DROP CONSTRAINT payments_provider_check; ALTER TABLE payments ADD CONSTRAINT payments_provider_check CHECK (provider IN ('YOOKASSA', 'STARS', 'BALANCE', 'CRYPTOBOT')); ALTER TABLE orders DROP CONSTRAINT orders_payment_method_check; ALTER TABLE orders ADD CONSTRAINT orders_payment_method_check CHECK (payment_method IN ('YOOKASSA', 'STARS', 'BALANCE', 'CRYPTOBOT'));
