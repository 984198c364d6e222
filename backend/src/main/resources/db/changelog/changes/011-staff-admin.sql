--liquibase formatted sql

--changeset dm:011-staff-totp
-- A TOTP secret stays pending (not asked at sign-in) until its owner confirms a code from it. The last accepted
-- 30-second step is kept so a code, once used, can't be replayed within its window.
ALTER TABLE staff ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE staff ADD COLUMN totp_last_step BIGINT;

--changeset dm:011-staff-telegram-unique
-- The bot finds the staff member by their Telegram account, so one account may belong to one staff member only.
CREATE UNIQUE INDEX ux_staff_telegram_id ON staff (telegram_id) WHERE telegram_id IS NOT NULL;

--changeset dm:011-refresh-tokens-subject
-- Deactivating staff or resetting a password ends every session of that account.
CREATE INDEX ix_refresh_tokens_subject ON refresh_tokens (subject) WHERE revoked_at IS NULL;
