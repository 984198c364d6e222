--liquibase formatted sql

--changeset dm:016-idempotent-requests
-- Integrators' POSTs by Idempotency-Key (SPEC §15): the first request claims the key (completed_at NULL while it
-- runs), a successful answer is kept for 24 h and replayed byte for byte. request_hash is of the method, path and
-- canonical body, so the same key with another request is refused rather than answered with the first one's result.
CREATE TABLE idempotent_requests (
    api_key_id    BIGINT       NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    idem_key      VARCHAR(78)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    claimed_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ,
    status_code   INT,
    content_type  VARCHAR(100),
    body          TEXT,
    PRIMARY KEY (api_key_id, idem_key)
);
CREATE INDEX ix_idempotent_requests_claimed ON idempotent_requests (claimed_at);
--rollback DROP TABLE idempotent_requests;

--changeset dm:016-webhooks
-- Outbound webhooks: endpoints an admin registers, and one delivery per (endpoint, event). The secret is encrypted
-- with the shop's key (it must be read back to sign). failing_since is the first failure since the last success; a
-- day of it switches the endpoint off.
CREATE TABLE webhook_endpoints (
    id              BIGSERIAL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    description     VARCHAR(200),
    events          VARCHAR(400)  NOT NULL,
    secret          TEXT          NOT NULL,
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason VARCHAR(300),
    failing_since   TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               BIGSERIAL PRIMARY KEY,
    endpoint_id      BIGINT        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         BIGINT        NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    payload          TEXT          NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    resends          INT           NOT NULL DEFAULT 0,
    last_status_code INT,
    last_duration_ms INT,
    last_error       VARCHAR(500),
    last_attempt_at  TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT ux_webhook_deliveries_event UNIQUE (endpoint_id, event_id),
    CONSTRAINT ck_webhook_deliveries_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX ix_integration_events_occurred ON integration_events (occurred_at);
--rollback DROP TABLE webhook_deliveries; DROP TABLE webhook_endpoints; DROP INDEX ix_integration_events_occurred;
