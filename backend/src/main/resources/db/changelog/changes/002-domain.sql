--liquibase formatted sql

--changeset dm:002-referral-links
-- Admin-generated campaign deep links (/start <code>): any of group, promo code and referrer, applied once each.
CREATE TABLE referral_links (
    id            BIGSERIAL PRIMARY KEY,
    code          VARCHAR(64)  NOT NULL,
    group_id      BIGINT REFERENCES customer_groups (id) ON DELETE SET NULL,
    promo_code    VARCHAR(64),
    referrer_id   BIGINT REFERENCES customers (id),
    description   VARCHAR(200),
    uses          INT          NOT NULL DEFAULT 0 CHECK (uses >= 0),
    created_by    BIGINT REFERENCES staff (id),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT ck_referral_links_code CHECK (code ~ '^[A-Za-z0-9_-]{1,64}$')
);
CREATE UNIQUE INDEX ux_referral_links_code ON referral_links (code);

--changeset dm:002-vpn-keys
CREATE TABLE vpn_keys (
    id                BIGSERIAL PRIMARY KEY,
    customer_id       BIGINT       NOT NULL REFERENCES customers (id),
    host_id           BIGINT       NOT NULL REFERENCES hosts (id),
    plan_id           BIGINT REFERENCES plans (id),
    number            INT          NOT NULL CHECK (number > 0),
    label             VARCHAR(64),
    panel_email       VARCHAR(128) NOT NULL,
    panel_client_uuid UUID         NOT NULL,
    subscription_id   VARCHAR(32)  NOT NULL,
    status            VARCHAR(16)  NOT NULL
        CHECK (status IN ('PROVISIONING', 'ACTIVE', 'EXPIRED', 'REVOKED', 'DISABLED', 'FAILED')),
    trial             BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    starts_at         TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    traffic_used_bytes  BIGINT     NOT NULL DEFAULT 0 CHECK (traffic_used_bytes >= 0),
    traffic_limit_bytes BIGINT     NOT NULL DEFAULT 0 CHECK (traffic_limit_bytes >= 0),
    auto_renew        VARCHAR(8)   NOT NULL DEFAULT 'INHERIT' CHECK (auto_renew IN ('ON', 'OFF', 'INHERIT')),
    connection_link   TEXT,
    subscription_url  VARCHAR(500),
    last_synced_at    TIMESTAMPTZ,
    last_online_at    TIMESTAMPTZ,
    comment           VARCHAR(500),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version           INT          NOT NULL DEFAULT 0
);
-- The panel identity is deterministic and retry-safe (SPEC §4.2): unique per panel.
CREATE UNIQUE INDEX ux_vpn_keys_panel_email ON vpn_keys (host_id, lower(panel_email));
CREATE UNIQUE INDEX ux_vpn_keys_client_uuid ON vpn_keys (panel_client_uuid);
CREATE UNIQUE INDEX ux_vpn_keys_subscription_id ON vpn_keys (subscription_id);
CREATE UNIQUE INDEX ux_vpn_keys_customer_number ON vpn_keys (customer_id, number);
CREATE INDEX ix_vpn_keys_customer ON vpn_keys (customer_id, created_at DESC);
-- Expiry scans (reminders, renewal, status flip) only look at keys still alive.
CREATE INDEX ix_vpn_keys_expiry ON vpn_keys (expires_at) WHERE status IN ('ACTIVE', 'PROVISIONING', 'DISABLED');
CREATE INDEX ix_vpn_keys_host_status ON vpn_keys (host_id, status);

--changeset dm:002-promo-codes
CREATE TABLE promo_codes (
    id                  BIGSERIAL PRIMARY KEY,
    code                VARCHAR(64)  NOT NULL,
    kind                VARCHAR(16)  NOT NULL CHECK (kind IN ('PERCENT', 'FIXED', 'BONUS_DAYS', 'BALANCE_BONUS')),
    value               BIGINT       NOT NULL CHECK (value > 0),
    currency            VARCHAR(8) CHECK (currency IN ('RUB', 'XTR', 'USDT', 'TON')),
    valid_from          TIMESTAMPTZ,
    valid_until         TIMESTAMPTZ,
    total_limit         INT CHECK (total_limit > 0),
    per_customer_limit  INT          NOT NULL DEFAULT 1 CHECK (per_customer_limit > 0),
    times_used          INT          NOT NULL DEFAULT 0 CHECK (times_used >= 0),
    first_purchase_only BOOLEAN      NOT NULL DEFAULT FALSE,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by          BIGINT REFERENCES staff (id),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT ck_promo_codes_percent CHECK (kind <> 'PERCENT' OR value <= 100),
    CONSTRAINT ck_promo_codes_currency CHECK (kind NOT IN ('FIXED', 'BALANCE_BONUS') OR currency IS NOT NULL),
    CONSTRAINT ck_promo_codes_window CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
);
-- Codes are case-insensitive: "SPRING" and "spring" are the same code.
CREATE UNIQUE INDEX ux_promo_codes_code ON promo_codes (lower(code));

CREATE TABLE promo_code_plans (
    promo_code_id BIGINT NOT NULL REFERENCES promo_codes (id) ON DELETE CASCADE,
    plan_id       BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    PRIMARY KEY (promo_code_id, plan_id)
);

--changeset dm:002-orders
CREATE TABLE orders (
    id                BIGSERIAL PRIMARY KEY,
    kind              VARCHAR(16) NOT NULL CHECK (kind IN ('NEW_KEY', 'EXTEND_KEY', 'TOP_UP')),
    customer_id       BIGINT      NOT NULL REFERENCES customers (id),
    plan_id           BIGINT REFERENCES plans (id),
    key_id            BIGINT REFERENCES vpn_keys (id),
    amount_minor      BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency          VARCHAR(8)  NOT NULL CHECK (currency IN ('RUB', 'XTR', 'USDT', 'TON')),
    base_minor        BIGINT      NOT NULL CHECK (base_minor >= 0),
    promo_discount_minor    BIGINT NOT NULL DEFAULT 0 CHECK (promo_discount_minor >= 0),
    referral_discount_minor BIGINT NOT NULL DEFAULT 0 CHECK (referral_discount_minor >= 0),
    promo_code_id     BIGINT REFERENCES promo_codes (id),
    bonus_days        INT         NOT NULL DEFAULT 0 CHECK (bonus_days >= 0),
    payment_method    VARCHAR(16) NOT NULL CHECK (payment_method IN ('YOOKASSA', 'STARS', 'BALANCE', 'CRYPTOBOT')),
    status            VARCHAR(16) NOT NULL DEFAULT 'OPEN'
        CHECK (status IN ('OPEN', 'PAID', 'FULFILLED', 'EXPIRED', 'CANCELED', 'REFUNDED')),
    idempotency_key   VARCHAR(100),
    expires_at        TIMESTAMPTZ NOT NULL,
    paid_at           TIMESTAMPTZ,
    fulfilled_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_orders_target CHECK (
        (kind = 'NEW_KEY' AND plan_id IS NOT NULL)
        OR (kind = 'EXTEND_KEY' AND plan_id IS NOT NULL AND key_id IS NOT NULL)
        OR (kind = 'TOP_UP' AND plan_id IS NULL AND key_id IS NULL)),
    CONSTRAINT ck_orders_breakdown CHECK (amount_minor <= base_minor OR kind = 'TOP_UP')
);
CREATE UNIQUE INDEX ux_orders_idempotency ON orders (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_orders_customer ON orders (customer_id, created_at DESC);
CREATE INDEX ix_orders_unpaid_expiry ON orders (expires_at) WHERE status = 'OPEN';
CREATE INDEX ix_orders_paid_day ON orders (paid_at) WHERE paid_at IS NOT NULL;

CREATE TABLE promo_redemptions (
    id            BIGSERIAL PRIMARY KEY,
    promo_code_id BIGINT      NOT NULL REFERENCES promo_codes (id),
    customer_id   BIGINT      NOT NULL REFERENCES customers (id),
    order_id      BIGINT      NOT NULL REFERENCES orders (id),
    saved_minor   BIGINT      NOT NULL DEFAULT 0 CHECK (saved_minor >= 0),
    currency      VARCHAR(8),
    over_limit    BOOLEAN     NOT NULL DEFAULT FALSE,
    redeemed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_promo_redemptions_order ON promo_redemptions (order_id);
CREATE INDEX ix_promo_redemptions_code_customer ON promo_redemptions (promo_code_id, customer_id);

--changeset dm:002-payments
CREATE TABLE payments (
    id                  BIGSERIAL PRIMARY KEY,
    order_id            BIGINT      NOT NULL REFERENCES orders (id),
    provider            VARCHAR(16) NOT NULL CHECK (provider IN ('YOOKASSA', 'STARS', 'BALANCE', 'CRYPTOBOT')),
    provider_payment_id VARCHAR(128),
    amount_minor        BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency            VARCHAR(8)  NOT NULL CHECK (currency IN ('RUB', 'XTR', 'USDT', 'TON')),
    status              VARCHAR(24) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'WAITING_FOR_CAPTURE',
        'SUCCEEDED', 'CANCELED', 'EXPIRED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    refunded_minor      BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    confirmation_url    VARCHAR(1000),
    provider_snapshot   JSONB,
    succeeded_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    version             INT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_payments_refund_within_amount CHECK (refunded_minor <= amount_minor)
);
-- A provider's payment is credited at most once, however often its webhook arrives.
CREATE UNIQUE INDEX ux_payments_provider_id ON payments (provider, provider_payment_id)
    WHERE provider_payment_id IS NOT NULL;
CREATE INDEX ix_payments_order ON payments (order_id);
CREATE INDEX ix_payments_stuck ON payments (created_at) WHERE status IN ('PENDING', 'WAITING_FOR_CAPTURE');

CREATE TABLE payment_transitions (
    id          BIGSERIAL PRIMARY KEY,
    payment_id  BIGINT      NOT NULL REFERENCES payments (id),
    from_status VARCHAR(24),
    to_status   VARCHAR(24) NOT NULL,
    source      VARCHAR(32) NOT NULL,
    detail      VARCHAR(500),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_payment_transitions_payment ON payment_transitions (payment_id, id);

CREATE TABLE refunds (
    id                 BIGSERIAL PRIMARY KEY,
    payment_id         BIGINT      NOT NULL REFERENCES payments (id),
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency           VARCHAR(8)  NOT NULL,
    provider_refund_id VARCHAR(128),
    status             VARCHAR(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    to_balance         BOOLEAN     NOT NULL DEFAULT FALSE,
    reason             VARCHAR(500) NOT NULL,
    created_by         BIGINT REFERENCES staff (id),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_refunds_provider_id ON refunds (provider_refund_id) WHERE provider_refund_id IS NOT NULL;
CREATE INDEX ix_refunds_payment ON refunds (payment_id);

--changeset dm:002-balances
-- The spendable balance is a row per (customer, account, currency) kept in step with the ledger in one
-- transaction; the CHECK makes overdrawing impossible whatever the code does.
CREATE TABLE balance_accounts (
    id            BIGSERIAL PRIMARY KEY,
    customer_id   BIGINT      NOT NULL REFERENCES customers (id),
    account       VARCHAR(16) NOT NULL CHECK (account IN ('MAIN', 'REFERRAL')),
    currency      VARCHAR(8)  NOT NULL CHECK (currency IN ('RUB', 'XTR', 'USDT', 'TON')),
    balance_minor BIGINT      NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    version       INT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_balance_accounts_not_negative CHECK (balance_minor >= 0)
);
CREATE UNIQUE INDEX ux_balance_accounts_owner ON balance_accounts (customer_id, account, currency);

CREATE TABLE balance_entries (
    id                  BIGSERIAL PRIMARY KEY,
    account_id          BIGINT      NOT NULL REFERENCES balance_accounts (id),
    customer_id         BIGINT      NOT NULL REFERENCES customers (id),
    amount_minor        BIGINT      NOT NULL CHECK (amount_minor <> 0),
    currency            VARCHAR(8)  NOT NULL,
    kind                VARCHAR(24) NOT NULL CHECK (kind IN ('TOP_UP', 'PURCHASE', 'RENEWAL', 'REFUND',
        'REFERRAL_REWARD', 'PROMO_BONUS', 'ADMIN_ADJUSTMENT', 'WITHDRAWAL', 'TRANSFER')),
    reference_type      VARCHAR(16),
    reference_id        BIGINT,
    reason              VARCHAR(500),
    balance_after_minor BIGINT      NOT NULL CHECK (balance_after_minor >= 0),
    created_by          VARCHAR(64),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT ck_balance_entries_adjustment_reason CHECK (kind <> 'ADMIN_ADJUSTMENT' OR reason IS NOT NULL)
);
CREATE INDEX ix_balance_entries_customer ON balance_entries (customer_id, id DESC);
CREATE INDEX ix_balance_entries_reference ON balance_entries (reference_type, reference_id);

CREATE TABLE customer_totals (
    customer_id       BIGINT     NOT NULL REFERENCES customers (id),
    currency          VARCHAR(8) NOT NULL,
    total_spent_minor BIGINT     NOT NULL DEFAULT 0 CHECK (total_spent_minor >= 0),
    PRIMARY KEY (customer_id, currency)
);

CREATE TABLE withdrawal_requests (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT       NOT NULL REFERENCES customers (id),
    amount_minor   BIGINT       NOT NULL CHECK (amount_minor > 0),
    currency       VARCHAR(8)   NOT NULL,
    method         VARCHAR(16)  NOT NULL CHECK (method IN ('CARD', 'PHONE', 'OTHER')),
    details        VARCHAR(500) NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'APPROVED', 'DECLINED')),
    decline_reason VARCHAR(500),
    decided_by     BIGINT REFERENCES staff (id),
    decided_at     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT ck_withdrawal_decline_reason CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL)
);
CREATE INDEX ix_withdrawal_requests_open ON withdrawal_requests (created_at) WHERE status = 'REQUESTED';

--changeset dm:002-support
CREATE TABLE support_tickets (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT       NOT NULL REFERENCES customers (id),
    subject        VARCHAR(200),
    status         VARCHAR(20)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WAITING_CUSTOMER', 'CLOSED')),
    assignee_id    BIGINT REFERENCES staff (id),
    forum_topic_id BIGINT,
    last_customer_message_at TIMESTAMPTZ,
    last_operator_message_at TIMESTAMPTZ,
    closed_at      TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version        INT          NOT NULL DEFAULT 0
);
-- One open ticket per customer at a time (SPEC §12): a new message joins it.
CREATE UNIQUE INDEX ux_support_tickets_one_open ON support_tickets (customer_id) WHERE status <> 'CLOSED';
CREATE INDEX ix_support_tickets_queue ON support_tickets (status, updated_at);

CREATE TABLE ticket_messages (
    id         BIGSERIAL PRIMARY KEY,
    ticket_id  BIGINT      NOT NULL REFERENCES support_tickets (id),
    author     VARCHAR(16) NOT NULL CHECK (author IN ('CUSTOMER', 'OPERATOR')),
    staff_id   BIGINT REFERENCES staff (id),
    text       TEXT,
    file_ids   VARCHAR(1000),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT ck_ticket_messages_content CHECK (text IS NOT NULL OR file_ids IS NOT NULL)
);
CREATE INDEX ix_ticket_messages_ticket ON ticket_messages (ticket_id, id);

--changeset dm:002-notifications
CREATE TABLE notifications (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT       NOT NULL REFERENCES customers (id),
    kind         VARCHAR(32)  NOT NULL,
    channel      VARCHAR(16)  NOT NULL DEFAULT 'BOT' CHECK (channel IN ('BOT')),
    template_key VARCHAR(64)  NOT NULL,
    params       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    status       VARCHAR(16)  NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SKIPPED')),
    attempts     INT          NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    error        VARCHAR(1000),
    dedup_key    VARCHAR(128),
    sent_at      TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- e.g. "expiry:<key>:<offset>": each reminder at most once.
CREATE UNIQUE INDEX ux_notifications_dedup ON notifications (dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX ix_notifications_customer ON notifications (customer_id, id DESC);

CREATE TABLE broadcasts (
    id             BIGSERIAL PRIMARY KEY,
    author_id      BIGINT REFERENCES staff (id),
    text           TEXT         NOT NULL,
    parse_mode     VARCHAR(16)  NOT NULL DEFAULT 'HTML' CHECK (parse_mode IN ('HTML', 'PLAIN')),
    image_file_id  VARCHAR(256),
    buttons        JSONB        NOT NULL DEFAULT '[]'::jsonb,
    audience       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    scheduled_at   TIMESTAMPTZ,
    status         VARCHAR(16)  NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'DONE', 'CANCELED')),
    total_count    INT          NOT NULL DEFAULT 0,
    sent_count     INT          NOT NULL DEFAULT 0,
    failed_count   INT          NOT NULL DEFAULT 0,
    blocked_count  INT          NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version        INT          NOT NULL DEFAULT 0
);
CREATE INDEX ix_broadcasts_due ON broadcasts (scheduled_at) WHERE status IN ('SCHEDULED', 'RUNNING');

CREATE TABLE broadcast_recipients (
    broadcast_id BIGINT      NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    customer_id  BIGINT      NOT NULL REFERENCES customers (id),
    status       VARCHAR(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'BLOCKED')),
    error        VARCHAR(500),
    sent_at      TIMESTAMPTZ,
    PRIMARY KEY (broadcast_id, customer_id)
);
CREATE INDEX ix_broadcast_recipients_pending ON broadcast_recipients (broadcast_id) WHERE status = 'PENDING';

--changeset dm:002-settings-and-keys
CREATE TABLE settings (
    key        VARCHAR(100) PRIMARY KEY,
    value      TEXT,
    value_type VARCHAR(16)  NOT NULL CHECK (value_type IN ('STRING', 'INT', 'BOOL', 'DURATION', 'MONEY', 'JSON')),
    secret     BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_by VARCHAR(64),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id           BIGSERIAL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(12)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    scopes       VARCHAR(500) NOT NULL,
    created_by   BIGINT REFERENCES staff (id),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);

CREATE TABLE idempotency_keys (
    id              BIGSERIAL PRIMARY KEY,
    scope           VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX ux_idempotency_keys ON idempotency_keys (scope, idempotency_key);
CREATE INDEX ix_idempotency_keys_expiry ON idempotency_keys (expires_at);

--changeset dm:002-outbox
-- Side effects committed with the state change that causes them; workers claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox_tasks (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(64)   NOT NULL,
    payload         JSONB         NOT NULL,
    dedup_key       VARCHAR(200),
    status          VARCHAR(16)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'DEAD')),
    attempts        INT           NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    last_error      VARCHAR(2000),
    request_id      VARCHAR(64),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    done_at         TIMESTAMPTZ
);
CREATE UNIQUE INDEX ux_outbox_tasks_dedup ON outbox_tasks (dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX ix_outbox_tasks_due ON outbox_tasks (next_attempt_at) WHERE status IN ('PENDING', 'RUNNING');
CREATE INDEX ix_outbox_tasks_dead ON outbox_tasks (created_at) WHERE status = 'DEAD';
