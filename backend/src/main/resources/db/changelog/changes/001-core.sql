--liquibase formatted sql

--changeset dm:001-staff
CREATE TABLE staff (
    id              BIGSERIAL PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR')),
    totp_secret_enc TEXT,
    telegram_id     BIGINT,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    TIMESTAMPTZ,
    last_login_at   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         INT          NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_staff_username ON staff (lower(username));

--changeset dm:001-customer-groups
CREATE TABLE customer_groups (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description TEXT,
    is_default  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INT          NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_customer_groups_name ON customer_groups (lower(name));
-- Exactly one default group: new customers join it and it can't be deleted.
CREATE UNIQUE INDEX ux_customer_groups_single_default ON customer_groups (is_default) WHERE is_default;
INSERT INTO customer_groups (name, description, is_default) VALUES ('default', 'Every new customer joins this group', TRUE);

--changeset dm:001-customers
CREATE SEQUENCE customer_number_seq START WITH 1000;
CREATE TABLE customers (
    id                 BIGSERIAL PRIMARY KEY,
    number             BIGINT       NOT NULL DEFAULT nextval('customer_number_seq'),
    telegram_id        BIGINT       NOT NULL,
    username           VARCHAR(64),
    first_name         VARCHAR(128),
    last_name          VARCHAR(128),
    language           VARCHAR(2)   NOT NULL DEFAULT 'ru' CHECK (language IN ('ru', 'en')),
    time_zone          VARCHAR(64),
    email              VARCHAR(254),
    phone              VARCHAR(32),
    registered_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    terms_accepted_at  TIMESTAMPTZ,
    banned             BOOLEAN      NOT NULL DEFAULT FALSE,
    ban_reason         VARCHAR(500),
    banned_at          TIMESTAMPTZ,
    referrer_id        BIGINT REFERENCES customers (id),
    trial_used         BOOLEAN      NOT NULL DEFAULT FALSE,
    trial_resets       INT          NOT NULL DEFAULT 0 CHECK (trial_resets >= 0),
    auto_renew_default BOOLEAN      NOT NULL DEFAULT TRUE,
    reachable          BOOLEAN      NOT NULL DEFAULT TRUE,
    notes              TEXT,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version            INT          NOT NULL DEFAULT 0,
    CONSTRAINT ck_customers_not_own_referrer CHECK (referrer_id IS NULL OR referrer_id <> id),
    CONSTRAINT ck_customers_ban_reason CHECK (NOT banned OR ban_reason IS NOT NULL)
);
CREATE UNIQUE INDEX ux_customers_telegram_id ON customers (telegram_id);
CREATE UNIQUE INDEX ux_customers_number ON customers (number);
CREATE INDEX ix_customers_username ON customers (lower(username));
CREATE INDEX ix_customers_referrer ON customers (referrer_id) WHERE referrer_id IS NOT NULL;

CREATE TABLE customer_group_members (
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    group_id    BIGINT NOT NULL REFERENCES customer_groups (id),
    PRIMARY KEY (customer_id, group_id)
);
CREATE INDEX ix_customer_group_members_group ON customer_group_members (group_id);

--changeset dm:001-hosts
CREATE TABLE hosts (
    id                    BIGSERIAL PRIMARY KEY,
    name                  VARCHAR(100) NOT NULL,
    panel_type            VARCHAR(16)  NOT NULL CHECK (panel_type IN ('XUI_V2', 'XUI_V3', 'MARZBAN', 'REMNAWAVE')),
    base_url              VARCHAR(500) NOT NULL,
    web_base_path         VARCHAR(200),
    username              VARCHAR(200),
    password_enc          TEXT,
    api_token_enc         TEXT,
    inbound_ids           VARCHAR(200) NOT NULL DEFAULT '',
    subscription_base_url VARCHAR(500),
    tls_verify            BOOLEAN      NOT NULL DEFAULT TRUE,
    ca_certificate        TEXT,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    display_order         INT          NOT NULL DEFAULT 0,
    country_code          VARCHAR(2),
    flag                  VARCHAR(16),
    health_last_ok_at     TIMESTAMPTZ,
    health_last_error     VARCHAR(1000),
    health_last_error_at  TIMESTAMPTZ,
    circuit_state         VARCHAR(16)  NOT NULL DEFAULT 'CLOSED' CHECK (circuit_state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version               INT          NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_hosts_name ON hosts (lower(name));

--changeset dm:001-plans
CREATE TABLE plans (
    id               BIGSERIAL PRIMARY KEY,
    host_id          BIGINT       NOT NULL REFERENCES hosts (id),
    name_ru          VARCHAR(100) NOT NULL,
    name_en          VARCHAR(100) NOT NULL,
    duration_unit    VARCHAR(8)   NOT NULL CHECK (duration_unit IN ('MONTHS', 'DAYS', 'HOURS')),
    duration_value   INT          NOT NULL CHECK (duration_value > 0),
    traffic_limit_gb INT          NOT NULL DEFAULT 0 CHECK (traffic_limit_gb >= 0),
    device_limit     INT          NOT NULL DEFAULT 0 CHECK (device_limit >= 0),
    visibility       VARCHAR(16)  NOT NULL DEFAULT 'VISIBLE' CHECK (visibility IN ('VISIBLE', 'HIDDEN', 'ARCHIVED')),
    audience         VARCHAR(16)  NOT NULL DEFAULT 'ALL' CHECK (audience IN ('ALL', 'NEW_ONLY', 'RETURNING_ONLY')),
    display_order    INT          NOT NULL DEFAULT 0,
    provision_mode   VARCHAR(24)  NOT NULL DEFAULT 'BOTH'
        CHECK (provision_mode IN ('KEY', 'SUBSCRIPTION', 'BOTH', 'CABINET', 'CABINET_SUBSCRIPTION')),
    trial            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version          INT          NOT NULL DEFAULT 0
);
CREATE INDEX ix_plans_host ON plans (host_id, display_order);

CREATE TABLE plan_prices (
    plan_id      BIGINT     NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    currency     VARCHAR(8) NOT NULL CHECK (currency IN ('RUB', 'XTR', 'USDT', 'TON')),
    amount_minor BIGINT     NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (plan_id, currency)
);

CREATE TABLE plan_groups (
    plan_id  BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES customer_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, group_id)
);

--changeset dm:001-audit-log
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    actor_type   VARCHAR(16) NOT NULL CHECK (actor_type IN ('STAFF', 'INTEGRATOR', 'SYSTEM', 'CUSTOMER')),
    actor_id     VARCHAR(64),
    actor_name   VARCHAR(100),
    action       VARCHAR(64) NOT NULL,
    object_type  VARCHAR(32),
    object_id    VARCHAR(64),
    before_state JSONB,
    after_state  JSONB,
    ip           VARCHAR(64),
    request_id   VARCHAR(64),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_audit_log_created ON audit_log (created_at DESC);
CREATE INDEX ix_audit_log_object ON audit_log (object_type, object_id);
