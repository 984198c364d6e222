--liquibase formatted sql

--changeset dm:017-catalog-version
-- The storefront's version (issue 24): bumped by triggers in the transaction of every change that can alter what
-- is on sale, whoever makes it, so each node's cached storefront knows it is stale on its next request.
CREATE TABLE catalog_version (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);
--rollback DROP TABLE catalog_version;

--changeset dm:017-catalog-version-function splitStatements:false
CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
--rollback DROP FUNCTION bump_catalog_version();

--changeset dm:017-catalog-version-triggers
CREATE TRIGGER tr_plans_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER tr_plan_prices_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_prices
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER tr_plan_groups_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_groups
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER tr_hosts_catalog AFTER INSERT OR DELETE OR TRUNCATE ON hosts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
-- The panel watch writes a host's health every cycle: only a change of what the storefront shows counts (its
-- name, order, flag, switched on or off, panel up or down).
CREATE TRIGGER tr_hosts_catalog_update AFTER UPDATE ON hosts FOR EACH ROW
    WHEN ((OLD.name, OLD.enabled, OLD.display_order, OLD.country_code, OLD.flag,
           OLD.circuit_state = 'OPEN' OR (OLD.health_last_error_at IS NOT NULL
               AND (OLD.health_last_ok_at IS NULL OR OLD.health_last_error_at > OLD.health_last_ok_at)))
          IS DISTINCT FROM
          (NEW.name, NEW.enabled, NEW.display_order, NEW.country_code, NEW.flag,
           NEW.circuit_state = 'OPEN' OR (NEW.health_last_error_at IS NOT NULL
               AND (NEW.health_last_ok_at IS NULL OR NEW.health_last_error_at > NEW.health_last_ok_at))))
    EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER tr_settings_catalog AFTER INSERT OR UPDATE ON settings FOR EACH ROW
    WHEN (NEW.key = 'keys.sell-while-panel-down')
    EXECUTE FUNCTION bump_catalog_version();
--rollback DROP TRIGGER tr_plans_catalog ON plans; DROP TRIGGER tr_plan_prices_catalog ON plan_prices; DROP TRIGGER tr_plan_groups_catalog ON plan_groups; DROP TRIGGER tr_hosts_catalog ON hosts; DROP TRIGGER tr_hosts_catalog_update ON hosts; DROP TRIGGER tr_settings_catalog ON settings;
