--liquibase formatted sql

--changeset dm:015-integration-events
-- The integrators' event feed (SPEC §15): one row per fact, written by the transaction that caused it. Read in the
-- order of the writing transactions' ids (tx), and only from transactions older than every one still running, so a
-- reader's cursor never passes a row that commits later (BIGSERIAL ids are handed out before commit, out of order).
CREATE TABLE integration_events (
    id          BIGSERIAL PRIMARY KEY,
    tx          XID8        NOT NULL DEFAULT pg_current_xact_id(),
    type        VARCHAR(40) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    data        JSONB       NOT NULL
);
CREATE INDEX ix_integration_events_feed ON integration_events (tx, id);
--rollback DROP TABLE integration_events;
