--liquibase formatted sql

--changeset dm:023-saved-cards
-- Cards customers let the shop keep for auto-renewal (issue 21). The consent is recorded when it is given, at
-- checkout, with the words shown; the card is saved only when YooKassa says it saved the payment method.
CREATE TABLE card_consents (
    order_id    BIGINT PRIMARY KEY REFERENCES orders (id),
    customer_id BIGINT       NOT NULL REFERENCES customers (id),
    text        TEXT         NOT NULL,
    language    VARCHAR(8)   NOT NULL,
    given_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE saved_cards (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT       NOT NULL REFERENCES customers (id),
    provider       VARCHAR(16)  NOT NULL,
    method_id      VARCHAR(64)  NOT NULL,
    title          VARCHAR(128) NOT NULL,
    consent_order  BIGINT       NOT NULL REFERENCES card_consents (order_id),
    saved_at       TIMESTAMPTZ  NOT NULL,
    removed_at     TIMESTAMPTZ,
    removed_reason VARCHAR(64),
    UNIQUE (provider, method_id)
);
CREATE INDEX ix_saved_cards_customer ON saved_cards (customer_id) WHERE removed_at IS NULL;
--rollback DROP TABLE saved_cards; DROP TABLE card_consents;
