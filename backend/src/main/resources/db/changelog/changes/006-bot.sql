--liquibase formatted sql

--changeset dm:006-bot
-- Each Telegram update is handled once across restarts and replicas: the first node to insert its id owns it. An
-- update whose owner died before finishing (done_at still null long after claimed_at) may be taken over.
CREATE TABLE bot_updates (
    update_id  BIGINT PRIMARY KEY,
    claimed_at TIMESTAMPTZ NOT NULL,
    done_at    TIMESTAMPTZ
);
CREATE INDEX ix_bot_updates_claimed ON bot_updates (claimed_at);

-- Where a customer is in a chat conversation: what the bot waits for (a promo code, an amount, a support message)
-- and the screen message it edits in place. Nothing here is money or business state.
CREATE TABLE bot_sessions (
    customer_id       BIGINT PRIMARY KEY REFERENCES customers (id),
    awaiting          VARCHAR(32),
    data              JSONB       NOT NULL DEFAULT '{}'::jsonb,
    banned_notice_at  TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
