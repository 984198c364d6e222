-- Copied from the workplace reference ../shared/reference/dm2-schema.sql: Dark Maximus 2's users.db schema as its own
-- initialize_db() creates it (all migrations applied). Tests build real DM2 databases from it.
CREATE TABLE users (

                    telegram_id INTEGER PRIMARY KEY, username TEXT, total_spent REAL DEFAULT 0,

                    total_months INTEGER DEFAULT 0, trial_used INTEGER DEFAULT 0,

                    agreed_to_terms INTEGER DEFAULT 0,

                    agreed_to_documents INTEGER DEFAULT 0,

                    subscription_status TEXT DEFAULT 'not_checked',

                    registration_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP,

                    is_banned INTEGER DEFAULT 0,

                    referred_by INTEGER,

                    referral_balance REAL DEFAULT 0,

                    referral_balance_all REAL DEFAULT 0,

                    balance REAL DEFAULT 0

                , key_id INTEGER, connection_string TEXT, host_name TEXT, plan_name TEXT, price REAL, email TEXT, created_date TIMESTAMP, trial_days_given INTEGER DEFAULT 0, trial_reuses_count INTEGER DEFAULT 0, user_id INTEGER, fullname TEXT, fio TEXT, group_id INTEGER, auto_renewal_enabled INTEGER DEFAULT 1, keys_count INTEGER DEFAULT 0, timezone TEXT);
CREATE TABLE vpn_keys (

                    key_id INTEGER PRIMARY KEY AUTOINCREMENT,

                    user_id INTEGER NOT NULL,

                    host_name TEXT NOT NULL,

                    xui_client_uuid TEXT NOT NULL,

                    key_email TEXT NOT NULL UNIQUE,

                    expiry_date TIMESTAMP,

                    created_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP,

                    protocol TEXT DEFAULT 'vless',

                    is_trial INTEGER DEFAULT 0,

                    subscription TEXT,

                    subscription_link TEXT,

                    telegram_chat_id INTEGER,

                    comment TEXT

                , connection_string TEXT, plan_name TEXT, price REAL, status TEXT, remaining_seconds INTEGER, start_date TIMESTAMP, enabled INTEGER DEFAULT 1, auto_renewal_enabled INTEGER DEFAULT 1);
CREATE TABLE sqlite_sequence(name,seq);
CREATE TABLE transactions (

                    username TEXT,

                    transaction_id INTEGER PRIMARY KEY AUTOINCREMENT,

                    payment_id TEXT UNIQUE NOT NULL,

                    user_id INTEGER NOT NULL,

                    status TEXT NOT NULL,

                    amount_rub REAL NOT NULL,

                    amount_currency REAL,

                    currency_name TEXT,

                    payment_method TEXT,

                    metadata TEXT,

                    transaction_hash TEXT,

                    payment_link TEXT,

                    yookassa_payment_id TEXT,

                    rrn TEXT,

                    authorization_code TEXT,

                    payment_type TEXT,

                    created_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP

                , api_request TEXT, api_response TEXT);
CREATE TABLE bot_settings (

                    key TEXT PRIMARY KEY,

                    value TEXT

                );
CREATE TABLE backup_settings (

                    key TEXT PRIMARY KEY,

                    value TEXT,

                    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,

                    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP

                );
CREATE TABLE notifications (

                    notification_id INTEGER PRIMARY KEY AUTOINCREMENT,

                    user_id INTEGER,

                    username TEXT,

                    type TEXT,

                    title TEXT,

                    message TEXT,

                    status TEXT,

                    meta TEXT,

                    key_id INTEGER,

                    marker_hours INTEGER,

                    created_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP

                );
CREATE TABLE support_threads (

                    user_id INTEGER PRIMARY KEY,

                    thread_id INTEGER NOT NULL

                );
CREATE TABLE xui_hosts(

                    host_name TEXT NOT NULL,

                    host_url TEXT NOT NULL,

                    host_username TEXT NOT NULL,

                    host_pass TEXT NOT NULL,

                    host_inbound_id INTEGER NOT NULL,

                    host_code TEXT

                );
CREATE TABLE plans (

                    plan_id INTEGER PRIMARY KEY AUTOINCREMENT,

                    host_name TEXT NOT NULL,

                    plan_name TEXT NOT NULL,

                    months INTEGER NOT NULL,

                    price REAL NOT NULL, days INTEGER DEFAULT 0, hours INTEGER DEFAULT 0, traffic_gb REAL DEFAULT 0, key_provision_mode TEXT DEFAULT 'key', display_mode TEXT DEFAULT 'all', display_mode_groups TEXT DEFAULT NULL,

                    FOREIGN KEY (host_name) REFERENCES xui_hosts (host_name)

                );
CREATE TABLE promo_codes (

                    promo_id INTEGER PRIMARY KEY AUTOINCREMENT,

                    code TEXT NOT NULL UNIQUE,

                    bot TEXT NOT NULL,

                    vpn_plan_id TEXT,

                    tariff_code TEXT,

                    discount_amount REAL DEFAULT 0,

                    discount_percent REAL DEFAULT 0,

                    discount_bonus REAL DEFAULT 0,

                    usage_limit_per_bot INTEGER DEFAULT 1,

                    is_active INTEGER DEFAULT 1,

                    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,

                    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, burn_after_value INTEGER DEFAULT NULL, burn_after_unit TEXT DEFAULT NULL, valid_until TIMESTAMP DEFAULT NULL, target_group_ids TEXT DEFAULT NULL, bot_username TEXT DEFAULT NULL,

                    FOREIGN KEY (vpn_plan_id) REFERENCES plans (plan_id)

                );
CREATE TABLE video_instructions (
                    video_id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL,
                    filename TEXT NOT NULL UNIQUE,
                    poster_filename TEXT,
                    file_size_mb REAL,
                    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
                );
CREATE TABLE user_groups (
                    group_id INTEGER PRIMARY KEY AUTOINCREMENT,
                    group_name TEXT NOT NULL UNIQUE,
                    group_description TEXT,
                    is_default BOOLEAN DEFAULT 0,
                    created_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                    group_code TEXT UNIQUE
                );
CREATE UNIQUE INDEX idx_users_user_id ON users(user_id);
CREATE TABLE webhooks (
                    webhook_id INTEGER PRIMARY KEY AUTOINCREMENT,
                    webhook_type TEXT NOT NULL,
                    event_type TEXT,
                    payment_id TEXT,
                    transaction_id INTEGER,
                    request_payload TEXT,
                    response_payload TEXT,
                    status TEXT DEFAULT 'received',
                    created_date TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                    FOREIGN KEY (transaction_id) REFERENCES transactions(transaction_id)
                );
CREATE INDEX idx_webhooks_payment_id ON webhooks(payment_id);
CREATE INDEX idx_webhooks_transaction_id ON webhooks(transaction_id);
CREATE INDEX idx_webhooks_created_date ON webhooks(created_date);
CREATE INDEX idx_webhooks_webhook_type ON webhooks(webhook_type);
CREATE INDEX idx_webhooks_status ON webhooks(status);
CREATE TABLE migration_history (
                    migration_id TEXT PRIMARY KEY,
                    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
                );
CREATE TABLE IF NOT EXISTS "promo_code_usage" (
                                    usage_id INTEGER PRIMARY KEY AUTOINCREMENT,
                                    promo_id INTEGER NOT NULL,
                                    user_id INTEGER,
                                    bot TEXT NOT NULL,
                                    plan_id INTEGER,
                                    discount_amount REAL DEFAULT 0,
                                    discount_percent REAL DEFAULT 0,
                                    discount_bonus REAL DEFAULT 0,
                                    metadata TEXT,
                                    used_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                                    status TEXT DEFAULT 'applied',
                                    FOREIGN KEY (promo_id) REFERENCES promo_codes (promo_id),
                                    FOREIGN KEY (plan_id) REFERENCES plans (plan_id),
                                    FOREIGN KEY (user_id) REFERENCES users (telegram_id),
                                    UNIQUE (promo_id, user_id, bot)
                                );
CREATE INDEX idx_promo_code_usage_promo_id ON promo_code_usage(promo_id);
CREATE INDEX idx_promo_code_usage_user_id ON promo_code_usage(user_id);
CREATE INDEX idx_promo_code_usage_bot ON promo_code_usage(bot);
CREATE INDEX idx_promo_code_usage_status ON promo_code_usage(status);
CREATE TABLE user_tokens (
                            token TEXT PRIMARY KEY,
                            user_id INTEGER NOT NULL,
                            key_id INTEGER NOT NULL,
                            created_at TEXT NOT NULL,
                            last_used_at TEXT,
                            access_count INTEGER DEFAULT 0,
                            FOREIGN KEY (user_id) REFERENCES users (telegram_id),
                            FOREIGN KEY (key_id) REFERENCES vpn_keys (key_id)
                        );
CREATE INDEX idx_token ON user_tokens(token);
CREATE INDEX idx_user_key ON user_tokens(user_id, key_id);
CREATE INDEX idx_key_id ON user_tokens(key_id);
CREATE TABLE message_templates (
                        template_id INTEGER PRIMARY KEY AUTOINCREMENT,
                        template_key TEXT UNIQUE NOT NULL,
                        category TEXT NOT NULL,
                        provision_mode TEXT,
                        template_text TEXT NOT NULL,
                        description TEXT,
                        variables TEXT,
                        is_active INTEGER DEFAULT 1,
                        created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                        updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
                    );
CREATE INDEX idx_template_key ON message_templates(template_key);
CREATE INDEX idx_category ON message_templates(category);
CREATE INDEX idx_provision_mode ON message_templates(provision_mode);
CREATE INDEX idx_is_active ON message_templates(is_active);
CREATE INDEX idx_users_telegram_id ON users(telegram_id);
CREATE INDEX idx_users_username ON users(username);
CREATE INDEX idx_users_is_banned ON users(is_banned);
CREATE INDEX idx_users_referred_by ON users(referred_by);
CREATE INDEX idx_users_registration_date ON users(registration_date);
CREATE INDEX idx_users_group_id ON users(group_id);
CREATE INDEX idx_vpn_keys_user_id ON vpn_keys(user_id);
CREATE INDEX idx_vpn_keys_key_email ON vpn_keys(key_email);
CREATE INDEX idx_vpn_keys_host_name ON vpn_keys(host_name);
CREATE INDEX idx_vpn_keys_expiry_date ON vpn_keys(expiry_date);
CREATE INDEX idx_vpn_keys_is_trial ON vpn_keys(is_trial);
CREATE INDEX idx_vpn_keys_status ON vpn_keys(status);
CREATE INDEX idx_vpn_keys_enabled ON vpn_keys(enabled);
CREATE INDEX idx_vpn_keys_auto_renewal_enabled ON vpn_keys(auto_renewal_enabled);
CREATE INDEX idx_transactions_user_id ON transactions(user_id);
CREATE INDEX idx_transactions_payment_id ON transactions(payment_id);
CREATE INDEX idx_transactions_status ON transactions(status);
CREATE INDEX idx_transactions_created_date ON transactions(created_date);
CREATE INDEX idx_transactions_payment_method ON transactions(payment_method);
CREATE INDEX idx_notifications_user_id ON notifications(user_id);
CREATE INDEX idx_notifications_type ON notifications(type);
CREATE INDEX idx_notifications_status ON notifications(status);
CREATE INDEX idx_notifications_created_date ON notifications(created_date);
CREATE INDEX idx_notifications_key_id ON notifications(key_id);
CREATE INDEX idx_xui_hosts_host_name ON xui_hosts(host_name);
CREATE INDEX idx_xui_hosts_host_code ON xui_hosts(host_code);
CREATE INDEX idx_plans_host_name ON plans(host_name);
CREATE INDEX idx_plans_plan_id ON plans(plan_id);
CREATE INDEX idx_promo_codes_bot ON promo_codes(bot);
CREATE INDEX idx_promo_codes_active ON promo_codes(is_active);
CREATE INDEX idx_promo_codes_plan ON promo_codes(vpn_plan_id);
CREATE INDEX idx_promo_code_usage_used_at ON promo_code_usage(used_at);
CREATE INDEX idx_support_threads_user_id ON support_threads(user_id);
CREATE INDEX idx_support_threads_thread_id ON support_threads(thread_id);
CREATE INDEX idx_video_instructions_filename ON video_instructions(filename);
CREATE INDEX idx_video_instructions_created_at ON video_instructions(created_at);
CREATE INDEX idx_user_groups_group_name ON user_groups(group_name);
CREATE INDEX idx_user_groups_is_default ON user_groups(is_default);
CREATE INDEX idx_user_groups_group_code ON user_groups(group_code);
