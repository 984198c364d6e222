--liquibase formatted sql

--changeset dm:025-remnawave-hosts
-- Remnawave hosts (issue 22): the squads users join, the forwarded headers a panel reached without its proxy needs,
-- what revoking does there and when the panel resets used traffic; a plan may put its keys in other squads.
ALTER TABLE hosts ADD COLUMN squads VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE hosts ADD COLUMN forwarded_headers BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE hosts ADD COLUMN revoke_mode VARCHAR(16) NOT NULL DEFAULT 'DELETE'
    CHECK (revoke_mode IN ('DELETE', 'DISABLE'));
ALTER TABLE hosts ADD COLUMN traffic_strategy VARCHAR(16) NOT NULL DEFAULT 'NO_RESET'
    CHECK (traffic_strategy IN ('NO_RESET', 'DAY', 'WEEK', 'MONTH'));
ALTER TABLE plans ADD COLUMN squads VARCHAR(2000);
--rollback ALTER TABLE plans DROP COLUMN squads; ALTER TABLE hosts DROP COLUMN traffic_strategy; ALTER TABLE hosts DROP COLUMN revoke_mode; ALTER TABLE hosts DROP COLUMN forwarded_headers; ALTER TABLE hosts DROP COLUMN squads;
