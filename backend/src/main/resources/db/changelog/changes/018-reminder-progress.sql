--liquibase formatted sql

--changeset dm:018-reminder-progress
-- Which reminder a key last had, for which expiry (issue 24): the reminder scan skips keys already told, so a window
-- holding more keys than one run's batch is worked through run by run instead of the same first batch forever.
ALTER TABLE vpn_keys ADD COLUMN reminded_expires_at TIMESTAMPTZ;
ALTER TABLE vpn_keys ADD COLUMN reminded_offset_seconds BIGINT;
-- The grace clean-up's scan (expired keys past the grace period, oldest first): a full scan of the table before.
CREATE INDEX ix_vpn_keys_expired ON vpn_keys (expires_at) WHERE status = 'EXPIRED';

--changeset dm:018-schema-fingerprint
-- The changelog files that last migrated this database (platform.db.MigrationsConfiguration): an up-to-date schema
-- skips Liquibase at start-up. Not part of backups; a restored database is checked by Liquibase again.
CREATE TABLE IF NOT EXISTS schema_fingerprint (
    id          INT PRIMARY KEY CHECK (id = 1),
    sha256      VARCHAR(64) NOT NULL,
    migrated_at TIMESTAMPTZ NOT NULL
);
