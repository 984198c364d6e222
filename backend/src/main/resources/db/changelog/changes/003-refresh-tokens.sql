--liquibase formatted sql

--changeset dm:003-refresh-tokens
-- Rotating refresh tokens: each use replaces the token; a second use of a spent one revokes its whole family
-- (the token was stolen or replayed). Only a SHA-256 of the token is stored.
CREATE TABLE refresh_tokens (
    id         BIGSERIAL PRIMARY KEY,
    subject    VARCHAR(64) NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    family_id  UUID        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_expiry ON refresh_tokens (expires_at);
