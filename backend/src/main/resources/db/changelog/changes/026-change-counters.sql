--liquibase formatted sql

--changeset dm:026-change-counters
-- The catalog's version (017) becomes one of two change counters read together in one round trip per request
-- (issue 24): "catalog" as before, and "accounts", bumped in the transaction of every ban, unban, staff account
-- switched on or off, or account removed, so each node may remember who may act until that counter moves.
ALTER TABLE catalog_version RENAME TO change_counters;
ALTER TABLE change_counters RENAME COLUMN version TO catalog;
ALTER TABLE change_counters ADD COLUMN accounts BIGINT NOT NULL DEFAULT 0;
--rollback ALTER TABLE change_counters DROP COLUMN accounts; ALTER TABLE change_counters RENAME COLUMN catalog TO version; ALTER TABLE change_counters RENAME TO catalog_version;

--changeset dm:026-change-counters-functions splitStatements:false
CREATE OR REPLACE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_counters SET catalog = catalog + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE FUNCTION bump_accounts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_counters SET accounts = accounts + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
--rollback DROP FUNCTION bump_accounts_version();

--changeset dm:026-change-counters-triggers
CREATE TRIGGER tr_customers_access AFTER UPDATE OF banned OR DELETE OR TRUNCATE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_accounts_version();
CREATE TRIGGER tr_staff_access AFTER UPDATE OF active OR DELETE OR TRUNCATE ON staff
    FOR EACH STATEMENT EXECUTE FUNCTION bump_accounts_version();
--rollback DROP TRIGGER tr_customers_access ON customers; DROP TRIGGER tr_staff_access ON staff;
