--liquibase formatted sql

--changeset dm:026-change-counters
-- The catalog's version (017) becomes one of the change counters read together in one round trip per request
-- (issue 24, ADR 0012): "catalog" as before, and "accounts", moved in the transaction of every ban, unban, staff
-- account switched on or off, or account removed, so each node may remember who may act until it moves. A row per
-- counter: a long transaction that changes the catalog (a DM2 import's dry run) never holds up a ban.
CREATE TABLE change_counters (
    name  TEXT   PRIMARY KEY CHECK (name IN ('catalog', 'accounts')),
    value BIGINT NOT NULL
);
INSERT INTO change_counters (name, value) SELECT 'catalog', version FROM catalog_version WHERE id = 1;
INSERT INTO change_counters (name, value) VALUES ('accounts', 0);
DROP TABLE catalog_version;
--rollback CREATE TABLE catalog_version (id INT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL); INSERT INTO catalog_version (id, version) SELECT 1, value FROM change_counters WHERE name = 'catalog'; DROP TABLE change_counters;

--changeset dm:026-change-counters-functions splitStatements:false
CREATE OR REPLACE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'catalog';
    RETURN NULL;
END
$$;
CREATE FUNCTION bump_accounts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'accounts';
    RETURN NULL;
END
$$;
--rollback DROP FUNCTION bump_accounts_version(); CREATE OR REPLACE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$;

--changeset dm:026-change-counters-triggers
CREATE TRIGGER tr_customers_access AFTER UPDATE OF banned OR DELETE OR TRUNCATE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_accounts_version();
CREATE TRIGGER tr_staff_access AFTER UPDATE OF active OR DELETE OR TRUNCATE ON staff
    FOR EACH STATEMENT EXECUTE FUNCTION bump_accounts_version();
--rollback DROP TRIGGER tr_customers_access ON customers; DROP TRIGGER tr_staff_access ON staff;
