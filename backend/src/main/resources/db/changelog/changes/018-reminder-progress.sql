--liquibase formatted sql

--changeset dm:018-reminder-progress
-- Which reminder a key last had, for which expiry (issue 24): the reminder scan skips keys already told, so a window
-- holding more keys than one run's batch is worked through run by run instead of the same first batch forever.
ALTER TABLE vpn_keys ADD COLUMN reminded_expires_at TIMESTAMPTZ;
ALTER TABLE vpn_keys ADD COLUMN reminded_offset_seconds BIGINT;
-- The grace clean-up's scan (expired keys past the grace period, oldest first): a full scan of the table before.
CREATE INDEX ix_vpn_keys_expired ON vpn_keys (expires_at) WHERE status = 'EXPIRED';
