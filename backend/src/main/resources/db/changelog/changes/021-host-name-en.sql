--liquibase formatted sql

--changeset dm:021-host-name-en
-- A host's name for customers who read English ("Netherlands" beside "Нидерланды"); NULL = the one name for all.
ALTER TABLE hosts ADD COLUMN name_en VARCHAR(64);
--rollback ALTER TABLE hosts DROP COLUMN name_en;

--changeset dm:021-host-name-en-catalog
-- The storefront shows the English name too: changing it moves the catalog version like the name does (017).
DROP TRIGGER tr_hosts_catalog_update ON hosts;
CREATE TRIGGER tr_hosts_catalog_update AFTER UPDATE ON hosts FOR EACH ROW
    WHEN ((OLD.name, OLD.name_en, OLD.enabled, OLD.display_order, OLD.country_code, OLD.flag,
           OLD.circuit_state = 'OPEN' OR (OLD.health_last_error_at IS NOT NULL
               AND (OLD.health_last_ok_at IS NULL OR OLD.health_last_error_at > OLD.health_last_ok_at)))
          IS DISTINCT FROM
          (NEW.name, NEW.name_en, NEW.enabled, NEW.display_order, NEW.country_code, NEW.flag,
           NEW.circuit_state = 'OPEN' OR (NEW.health_last_error_at IS NOT NULL
               AND (NEW.health_last_ok_at IS NULL OR NEW.health_last_error_at > NEW.health_last_ok_at))))
    EXECUTE FUNCTION bump_catalog_version();
