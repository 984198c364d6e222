--liquibase formatted sql

--changeset dm:010-audit-filters
-- The admin audit screen filters by the start of an action ("payment.") or of an actor's name.
CREATE INDEX ix_audit_log_action ON audit_log (action varchar_pattern_ops);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_name varchar_pattern_ops);
