--liquibase formatted sql

--changeset dm:027-transition-source
-- A transition's source names the provider's event ("webhook:payment.waiting_for_capture" is 35 characters): at 32 a
-- waiting_for_capture notification was refused by the column and answered 409 (found by NotificationStormIT).
ALTER TABLE payment_transitions ALTER COLUMN source TYPE VARCHAR(64);
--rollback ALTER TABLE payment_transitions ALTER COLUMN source TYPE VARCHAR(32) USING left(source, 32);
