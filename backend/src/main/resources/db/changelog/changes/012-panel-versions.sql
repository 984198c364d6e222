--liquibase formatted sql

--changeset dm:012-host-panel-version
-- The version the host's panel reported at the last connection check, and the API the adapter uses with it: shown on
-- the Hosts screen, and what the adapter picks routes by after a restart.
ALTER TABLE hosts ADD COLUMN panel_version VARCHAR(64);
ALTER TABLE hosts ADD COLUMN panel_api VARCHAR(64);

--changeset dm:012-key-delay-notice
-- A key still being prepared after the shop's threshold tells its customer (and the admins) once.
ALTER TABLE vpn_keys ADD COLUMN delay_notified_at TIMESTAMPTZ;
CREATE INDEX ix_vpn_keys_provisioning ON vpn_keys (created_at) WHERE status = 'PROVISIONING';
