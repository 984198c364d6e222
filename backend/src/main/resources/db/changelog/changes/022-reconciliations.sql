--liquibase formatted sql

--changeset dm:022-reconciliations
-- The daily comparison of the shop's payments with each provider's own list (issue 21): one row per day and
-- provider, replaced when the day is run again. differences: [{kind, providerPaymentId, paymentId, orderId,
-- amountMinor, currency, detail}].
CREATE TABLE reconciliations (
    id              BIGSERIAL PRIMARY KEY,
    day             DATE        NOT NULL,
    provider        VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('MATCHED', 'REPAIRED', 'DIFFERENCES', 'FAILED')),
    provider_count  INT         NOT NULL,
    shop_count      INT         NOT NULL,
    repaired        INT         NOT NULL,
    differences     JSONB       NOT NULL DEFAULT '[]',
    error           TEXT,
    ran_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (day, provider)
);
--rollback DROP TABLE reconciliations;
