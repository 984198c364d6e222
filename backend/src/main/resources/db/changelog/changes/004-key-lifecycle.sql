--liquibase formatted sql

--changeset dm:004-key-sync
-- Set by sync when the shop's key has no client on the panel; cleared when it is seen again. Never deletes.
ALTER TABLE vpn_keys ADD COLUMN panel_missing_since TIMESTAMPTZ;

-- One row per sync run of one host: the counts and what was found (drift, missing keys, orphans).
CREATE TABLE sync_reports (
    id            BIGSERIAL PRIMARY KEY,
    host_id       BIGINT      NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
    trigger       VARCHAR(16) NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    outcome       VARCHAR(16) NOT NULL CHECK (outcome IN ('OK', 'FAILED')),
    error         VARCHAR(1000),
    panel_clients INT         NOT NULL DEFAULT 0,
    keys_checked  INT         NOT NULL DEFAULT 0,
    keys_updated  INT         NOT NULL DEFAULT 0,
    keys_missing  INT         NOT NULL DEFAULT 0,
    orphans       INT         NOT NULL DEFAULT 0,
    details       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_sync_reports_host ON sync_reports (host_id, id DESC);

-- Cluster-wide "only one node runs this now" for periodic jobs: a lease a node takes and lets run out.
CREATE TABLE job_leases (
    name        VARCHAR(100) PRIMARY KEY,
    holder      VARCHAR(100) NOT NULL,
    lease_until TIMESTAMPTZ  NOT NULL
);
