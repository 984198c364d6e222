--liquibase formatted sql

--changeset dm:005-orders-money
-- What a promo code adds besides a discount, fixed with the order's price, and which discount applied (SPEC §5.2).
ALTER TABLE orders ADD COLUMN balance_bonus_minor BIGINT NOT NULL DEFAULT 0 CHECK (balance_bonus_minor >= 0);
ALTER TABLE orders ADD COLUMN discount_source VARCHAR(16) CHECK (discount_source IN ('PROMO', 'REFERRAL'));
-- The breakdown always adds up (a discount cut short by the provider's minimum is recorded as what it really took);
-- a top-up's base is the amount credited.
ALTER TABLE orders DROP CONSTRAINT ck_orders_breakdown;
ALTER TABLE orders ADD CONSTRAINT ck_orders_breakdown
    CHECK (amount_minor = base_minor - promo_discount_minor - referral_discount_minor);
CREATE INDEX ix_orders_key ON orders (key_id) WHERE key_id IS NOT NULL;

-- A payment that an order's expiry or a provider closed keeps who paid whom: the payer's Telegram id for Stars refunds.
ALTER TABLE payments ADD COLUMN payer_telegram_id BIGINT;
CREATE INDEX ix_payments_created ON payments (created_at DESC, id DESC);

-- What the admin chose to do with the key when refunding.
ALTER TABLE refunds ADD COLUMN key_action VARCHAR(16) NOT NULL DEFAULT 'NONE' CHECK (key_action IN ('NONE', 'SHORTEN', 'REVOKE'));
ALTER TABLE refunds ADD COLUMN error VARCHAR(500);

-- Money lines that belong to one order, refund or renewal exist at most once per account and kind, whatever retries
-- or duplicate webhooks do: the database refuses a second credit.
CREATE UNIQUE INDEX ux_balance_entries_once ON balance_entries (account_id, kind, reference_type, reference_id)
    WHERE reference_type IN ('order', 'refund', 'renewal');

-- One open withdrawal request per customer at a time.
CREATE UNIQUE INDEX ux_withdrawal_requests_open ON withdrawal_requests (customer_id) WHERE status = 'REQUESTED';
