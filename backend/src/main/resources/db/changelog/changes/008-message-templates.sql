--liquibase formatted sql

--changeset dm:008-message-templates
-- Admins' wording of customer-facing texts; a key/language without a row uses the default shipped in code.
CREATE TABLE message_templates (
    template_key VARCHAR(100) NOT NULL,
    language     VARCHAR(2)   NOT NULL CHECK (language IN ('ru', 'en')),
    text         TEXT         NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
    updated_by   VARCHAR(64),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (template_key, language)
);
