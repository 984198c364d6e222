package dev.darkmaximus.platform.settings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.platform.settings.persistence.SettingRepository;

/**
 * Typed shop settings (SPEC §13) with their defaults in code: a setting nobody changed has no row. Reads are cached
 * briefly so jobs and requests don't hit the database for each one; a write on this node invalidates at once, and
 * other nodes see it within the cache's lifetime. Defaults come from {@link SettingCatalogue}; a blank stored value
 * counts as unset.
 */
@Service
public class ShopSettings {

    public static final String TRIAL_ENABLED = "trial.enabled";
    public static final String TRIAL_DAYS = "trial.days";
    public static final String TRIAL_TRAFFIC_GB = "trial.traffic-gb";
    public static final String TRIAL_HOST_ID = "trial.host-id";
    public static final String REMINDER_OFFSETS = "reminders.offsets";
    public static final String RENEWAL_WINDOW = "reminders.renewal-window";
    public static final String SYNC_INTERVAL = "sync.interval";
    public static final String TIME_ZONE = "general.time-zone";
    public static final String MAINTENANCE = "general.maintenance";
    public static final String GRACE_DELETE = "keys.grace-delete";
    public static final String GRACE_PERIOD = "keys.grace-period";
    public static final String SELL_WHILE_PANEL_DOWN = "keys.sell-while-panel-down";
    public static final String PROVISIONING_NOTICE_AFTER = "keys.provisioning-notice-after";
    public static final String BOT_USERNAME = "general.bot-username";
    public static final String ADMIN_CHAT_ID = "admin.chat-id";
    public static final String LOG_CHAT_ID = "admin.log-chat-id";
    public static final String BACKUP_ENABLED = "admin.backup-enabled";
    public static final String BACKUP_INTERVAL = "admin.backup-interval";
    public static final String BACKUP_KEEP = "admin.backup-keep";
    public static final String BACKUP_DIRECTORY = "admin.backup-directory";
    public static final String BACKUP_TO_ADMIN_CHAT = "admin.backup-to-admin-chat";
    public static final String LOG_CHAT_LEVEL = "admin.log-chat-level";
    public static final String REFERRAL_ENABLED = "referral.enabled";
    public static final String REFERRAL_PERCENT = "referral.percent";
    public static final String REFERRAL_FIRST_DISCOUNT = "referral.first-purchase-discount";
    public static final String REFERRAL_WITHDRAWAL_MIN = "referral.withdrawal-min";
    public static final String REFERRAL_TRANSFER = "referral.transfer-allowed";
    public static final String ORDER_EXPIRY = "payments.order-expiry";
    public static final String TOPUP_MIN = "payments.topup-min";
    public static final String TOPUP_MAX = "payments.topup-max";
    public static final String ADJUSTMENT_MAX = "payments.adjustment-max";
    public static final String PENDING_RECHECK_AFTER = "payments.pending-recheck-after";
    public static final String RECEIPTS = "payments.yookassa.receipts";
    public static final String RECEIPT_VAT_CODE = "payments.yookassa.vat-code";
    public static final String RECEIPT_EMAIL = "payments.yookassa.receipt-email";
    public static final String SHOP_NAME = "general.shop-name";
    public static final String MINIAPP_URL = "general.miniapp-url";
    public static final String SUPPORT_CONTACT = "general.support-contact";
    public static final String TERMS_REQUIRED = "access.terms-required";
    public static final String TERMS_URL = "access.terms-url";
    public static final String REQUIRED_CHANNEL = "access.required-channel";
    public static final String REQUIRED_CHANNEL_LINK = "access.required-channel-link";
    public static final String ADMIN_UI_URL = "general.admin-ui-url";
    public static final String PUBLIC_URL = "connect.public-url";
    public static final String VPN_APPS = "connect.vpn-apps";
    public static final String SUBSCRIPTION_UPDATE_HOURS = "connect.update-hours";
    public static final String SUPPORT_FORUM_ID = "support.forum-group-id";
    public static final String SUPPORT_SLA = "support.sla";
    public static final String BOT_FLOOD_PER_MINUTE = "bot.updates-per-minute";
    public static final String YOOKASSA_SHOP_ID = "payments.yookassa.shop-id";
    public static final String YOOKASSA_SECRET_KEY = "payments.yookassa.secret-key";
    public static final String CRYPTOBOT_TOKEN = "payments.cryptobot.token";
    public static final String CRYPTOBOT_ASSETS = "payments.cryptobot.assets";
    public static final String CRYPTOBOT_TESTNET = "payments.cryptobot.testnet";
    public static final String TRANSFER_INSTRUCTIONS = "payments.bank_transfer.instructions";
    public static final String TRANSFER_DAYS = "payments.bank_transfer.days";
    private static final String METHOD_ENABLED = "payments.%s.enabled";

    private final SettingRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;
    private final LoadingCache<String, Optional<String>> cache;

    ShopSettings(SettingRepository repository, SecretCipher cipher, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(500)
                .build(key -> repository.findById(key).map(s -> s.secret() && s.value() != null
                        ? cipher.decrypt(s.value()) : s.value()));
    }

    /** The key of a payment method's on/off switch, e.g. payments.stars.enabled. */
    public static String methodEnabledKey(String method) {
        return METHOD_ENABLED.formatted(method.toLowerCase(Locale.ROOT));
    }

    public boolean trialEnabled() {
        return bool(TRIAL_ENABLED);
    }

    public int trialDays() {
        return integer(TRIAL_DAYS);
    }

    public int trialTrafficGb() {
        return integer(TRIAL_TRAFFIC_GB);
    }

    /** The host trial keys are made on; empty → the first enabled host in display order. */
    public Optional<Long> trialHostId() {
        return optionalLong(TRIAL_HOST_ID);
    }

    /** How long before expiry reminders go out, largest first (default 72 h, 24 h, 1 h); expiry itself is implied. */
    public List<Duration> reminderOffsets() {
        return Arrays.stream(value(REMINDER_OFFSETS).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(DurationStyle::detectAndParse).sorted(Comparator.reverseOrder()).toList();
    }

    /** How long before expiry auto-renewal may charge the balance. */
    public Duration renewalWindow() {
        return duration(RENEWAL_WINDOW);
    }

    public Duration syncInterval() {
        return duration(SYNC_INTERVAL);
    }

    /** Whether keys expired longer than {@link #gracePeriod()} are deleted from their panel (SPEC §4.6). */
    public boolean graceDelete() {
        return bool(GRACE_DELETE);
    }

    public Duration gracePeriod() {
        return duration(GRACE_PERIOD);
    }

    /** Whether hosts whose panel fails its checks stay on sale (with a "may be delayed" notice). */
    public boolean sellWhilePanelDown() {
        return bool(SELL_WHILE_PANEL_DOWN);
    }

    /** How long a key may stay in provisioning before its customer and the admins are told. */
    public Duration provisioningNoticeAfter() {
        return duration(PROVISIONING_NOTICE_AFTER);
    }

    /** The bot's @username without the @, for referral links; empty until configured. */
    public String botUsername() {
        return value(BOT_USERNAME);
    }

    public String shopName() {
        return value(SHOP_NAME);
    }

    /** The Mini App's public URL for the bot's "Open app" button; empty = no button. */
    public String miniAppUrl() {
        return value(MINIAPP_URL);
    }

    /**
     * The shop's public https address for subscription pages and one-tap app buttons: the setting, or else the Mini
     * App's origin (it is served by this backend); empty when neither is set.
     */
    public String publicUrl() {
        // Only the origin: the backend serves pages at its root (/s/…, /app/), whatever path was pasted.
        String configured = value(PUBLIC_URL);
        String address = configured.isEmpty() ? miniAppUrl() : configured;
        if (address.isEmpty()) {
            return "";
        }
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The VPN apps customers are offered one-tap buttons for, in the admins' order. */
    public List<AppLinkTable.App> vpnApps() {
        String json = value(VPN_APPS);
        ParsedApps parsed = apps;
        if (parsed == null || !parsed.json().equals(json)) {
            parsed = new ParsedApps(json, AppLinkTable.parse(json));
            apps = parsed;
        }
        return parsed.apps();
    }

    /** How often VPN apps should re-read a subscription, in hours (the profile-update-interval header). */
    public int subscriptionUpdateHours() {
        return integer(SUBSCRIPTION_UPDATE_HOURS);
    }

    /** The last table parsed, so a page view doesn't re-read the JSON. */
    private volatile ParsedApps apps;

    private record ParsedApps(String json, List<AppLinkTable.App> apps) {
    }

    /**
     * Maintenance mode: customers get the "back soon" text in the bot and the Mini App; staff, payment webhooks and
     * the background work (provisioning, notifications) go on.
     */
    public boolean maintenance() {
        return bool(MAINTENANCE);
    }

    public boolean backupEnabled() {
        return bool(BACKUP_ENABLED);
    }

    public Duration backupInterval() {
        return duration(BACKUP_INTERVAL);
    }

    /** How many backups are kept; older ones are deleted after each new one. */
    public int backupKeep() {
        return integer(BACKUP_KEEP);
    }

    /** Whether each backup is also sent to the admin chat (when it fits Telegram's 50 MB upload limit). */
    public boolean backupToAdminChat() {
        return bool(BACKUP_TO_ADMIN_CHAT);
    }

    /** Where backups are written; empty = {@code backups} in the data directory. */
    public String backupDirectory() {
        return value(BACKUP_DIRECTORY);
    }

    /** The chat that gets the backend's warnings and errors (DM2's log chat); empty when none. */
    public Optional<Long> logChatId() {
        return optionalLong(LOG_CHAT_ID);
    }

    /** The least severe log level the log chat gets: WARN or ERROR. */
    public String logChatLevel() {
        return value(LOG_CHAT_LEVEL);
    }

    /** Where customers reach a human (an @username or a link), shown in help and refusals. */
    public String supportContact() {
        return value(SUPPORT_CONTACT);
    }

    /** New customers must accept the terms and privacy policy before using the bot. */
    public boolean termsRequired() {
        return bool(TERMS_REQUIRED);
    }

    public String termsUrl() {
        return value(TERMS_URL);
    }

    /** A channel (@username or numeric id) customers must join before using the bot; empty = none. */
    public String requiredChannel() {
        return value(REQUIRED_CHANNEL);
    }

    /** The invite link shown on the "join the channel" button (a public channel's t.me link by default). */
    public String requiredChannelLink() {
        String channel = requiredChannel();
        String link = value(REQUIRED_CHANNEL_LINK);
        if (!link.isEmpty()) {
            return link;
        }
        return channel.startsWith("@") ? "https://t.me/" + channel.substring(1) : "";
    }

    /** The admin UI's address, for links from the bot's admin menu; empty = no link. */
    public String adminUiUrl() {
        return value(ADMIN_UI_URL);
    }

    /** The operators' forum group (one topic per ticket); empty = operators answer in the admin UI only. */
    public Optional<Long> supportForumId() {
        return optionalLong(SUPPORT_FORUM_ID);
    }

    /** How long a customer may wait for an answer before operators are reminded. */
    public Duration supportSla() {
        return duration(SUPPORT_SLA);
    }

    /** How many updates a customer may send the bot per minute before being asked to slow down. */
    public int botUpdatesPerMinute() {
        return integer(BOT_FLOOD_PER_MINUTE);
    }

    /** The Telegram chat that receives admin notifications (payments, errors); empty = none. */
    public Optional<Long> adminChatId() {
        return optionalLong(ADMIN_CHAT_ID);
    }

    public boolean referralEnabled() {
        return bool(REFERRAL_ENABLED);
    }

    /** The referrer's reward in percent of each paid purchase of an invitee. */
    public int referralPercent() {
        return integer(REFERRAL_PERCENT);
    }

    /** The discount in percent on an invited customer's first purchase. */
    public int referralFirstPurchaseDiscount() {
        return integer(REFERRAL_FIRST_DISCOUNT);
    }

    /** The smallest withdrawal of referral earnings, in kopecks (default 100 ₽). */
    public long referralWithdrawalMin() {
        return longValue(REFERRAL_WITHDRAWAL_MIN);
    }

    /** Whether customers may move referral earnings to their spendable balance themselves. */
    public boolean referralTransferAllowed() {
        return bool(REFERRAL_TRANSFER);
    }

    /** How long an unpaid order keeps its price. */
    public Duration orderExpiry() {
        return duration(ORDER_EXPIRY);
    }

    /** Smallest balance top-up in kopecks (default 100 ₽). */
    public long topUpMin() {
        return longValue(TOPUP_MIN);
    }

    /** Largest balance top-up in kopecks (default 100,000 ₽). */
    /** The largest single admin balance adjustment, either way, in kopecks. */
    public long adjustmentMax() {
        return longValue(ADJUSTMENT_MAX);
    }

    public long topUpMax() {
        return longValue(TOPUP_MAX);
    }

    /** A payment still pending this long is asked about at its provider (SPEC §5.7). */
    public Duration pendingRecheckAfter() {
        return duration(PENDING_RECHECK_AFTER);
    }

    /** Whether YooKassa payments carry 54-FZ receipt data. */
    public boolean receipts() {
        return bool(RECEIPTS);
    }

    /** YooKassa's VAT code for receipt items (1 = without VAT). */
    public int receiptVatCode() {
        return integer(RECEIPT_VAT_CODE);
    }

    /** Where receipts go when the customer gave no e-mail or phone. */
    public String receiptEmail() {
        return value(RECEIPT_EMAIL);
    }

    /** The YooKassa shop id an admin set; empty = the server's configuration applies. */
    public Optional<String> yooKassaShopId() {
        return Optional.of(value(YOOKASSA_SHOP_ID)).filter(v -> !v.isEmpty());
    }

    /** The YooKassa secret key an admin set, decrypted; empty = the server's configuration applies. */
    public Optional<String> yooKassaSecretKey() {
        return Optional.of(value(YOOKASSA_SECRET_KEY)).filter(v -> !v.isEmpty());
    }

    /** The Crypto Pay API token an admin set, decrypted; empty = the server's configuration applies. */
    public Optional<String> cryptoBotToken() {
        return Optional.of(value(CRYPTOBOT_TOKEN)).filter(v -> !v.isEmpty());
    }

    /** The crypto assets a CryptoBot invoice accepts, in the admin's order (USDT, TON, …). */
    public List<String> cryptoBotAssets() {
        return List.of(value(CRYPTOBOT_ASSETS).split("\\s*,\\s*"));
    }

    /** Whether CryptoBot invoices are made on its test network (testnet-pay.crypt.bot, with test coins). */
    public boolean cryptoBotTestnet() {
        return bool(CRYPTOBOT_TESTNET);
    }

    /** What a customer paying by bank transfer is told to do (the shop's bank details); empty = not offered. */
    public String transferInstructions() {
        return value(TRANSFER_INSTRUCTIONS);
    }

    /** How long an order paid by bank transfer waits for the money before it expires. */
    public Duration transferWait() {
        return Duration.ofDays(integer(TRANSFER_DAYS));
    }

    /** Whether a payment method is offered (each also needs its credentials); methods without a switch are on. */
    public boolean methodEnabled(String method) {
        String key = methodEnabledKey(method);
        return SettingCatalogue.find(key).isEmpty() || bool(key);
    }

    public ZoneId timeZone() {
        return ZoneId.of(value(TIME_ZONE));
    }

    /** Stores a plain value as given, without the settings screen's checks or audit (tests, imports). */
    @Transactional
    public void put(String key, String value, Setting.ValueType type, String updatedBy) {
        repository.upsert(key, value, type.name(), false, updatedBy, clock.instant());
        forget(key);
    }

    /** Writes a checked value for the settings screen; a secret one is encrypted first. */
    void store(SettingDefinition definition, String value, String updatedBy) {
        repository.upsert(definition.key(), definition.secret() ? cipher.encrypt(value) : value,
                definition.type().storedAs().name(), definition.secret(), updatedBy, clock.instant());
        forget(definition.key());
    }

    /** Returns a setting to its default: no row. */
    void remove(String key) {
        repository.deleteById(key);
        forget(key);
    }

    /** What is stored now, secrets decrypted, blank values left out; read past the cache. */
    Map<String, String> storedValues() {
        Map<String, String> values = new HashMap<>();
        for (Setting setting : repository.findAll()) {
            if (setting.value() != null && !setting.value().isBlank()) {
                values.put(setting.key(), setting.secret() ? cipher.decrypt(setting.value()) : setting.value());
            }
        }
        return values;
    }

    /** Drops every cached value, e.g. after a test or an import changed settings behind this node's back. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * Forgets a cached value now and again when the transaction ends: a read between the write and the commit
     * (or a rollback) would otherwise keep a value the database doesn't have for the cache's lifetime.
     */
    private void forget(String key) {
        cache.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(key);
                }
            });
        }
    }

    /** The stored value, or the catalogue's default while none (or a blank one) is stored. */
    private String value(String key) {
        return cache.get(key).filter(v -> !v.isBlank()).orElseGet(() -> SettingCatalogue.get(key).defaultValue());
    }

    private boolean bool(String key) {
        return Boolean.parseBoolean(value(key));
    }

    private int integer(String key) {
        return Integer.parseInt(value(key));
    }

    private long longValue(String key) {
        return Long.parseLong(value(key));
    }

    private Optional<Long> optionalLong(String key) {
        String value = value(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(value));
    }

    private Duration duration(String key) {
        return DurationStyle.detectAndParse(value(key));
    }
}
