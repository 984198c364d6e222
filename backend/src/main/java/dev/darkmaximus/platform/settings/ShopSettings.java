package dev.darkmaximus.platform.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.platform.settings.persistence.SettingRepository;

/**
 * Typed shop settings (SPEC §13) with their defaults in code: a setting nobody changed has no row. Reads are cached
 * briefly so jobs and requests don't hit the database for each one; a write here invalidates at once, and other
 * nodes see it within the cache's lifetime.
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
    public static final String GRACE_DELETE = "keys.grace-delete";
    public static final String GRACE_PERIOD = "keys.grace-period";
    public static final String BOT_USERNAME = "general.bot-username";
    public static final String ADMIN_CHAT_ID = "admin.chat-id";
    public static final String REFERRAL_ENABLED = "referral.enabled";
    public static final String REFERRAL_PERCENT = "referral.percent";
    public static final String REFERRAL_FIRST_DISCOUNT = "referral.first-purchase-discount";
    public static final String REFERRAL_WITHDRAWAL_MIN = "referral.withdrawal-min";
    public static final String REFERRAL_TRANSFER = "referral.transfer-allowed";
    public static final String ORDER_EXPIRY = "payments.order-expiry";
    public static final String TOPUP_MIN = "payments.topup-min";
    public static final String TOPUP_MAX = "payments.topup-max";
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
    public static final String SUPPORT_FORUM_ID = "support.forum-group-id";
    public static final String SUPPORT_SLA = "support.sla";
    public static final String BOT_FLOOD_PER_MINUTE = "bot.updates-per-minute";
    private static final String METHOD_ENABLED = "payments.%s.enabled";

    private final SettingRepository repository;
    private final Clock clock;
    private final LoadingCache<String, Optional<String>> cache;

    ShopSettings(SettingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(500)
                .build(key -> repository.findById(key).map(Setting::value));
    }

    public boolean trialEnabled() {
        return bool(TRIAL_ENABLED, true);
    }

    public int trialDays() {
        return integer(TRIAL_DAYS, 3);
    }

    public int trialTrafficGb() {
        return integer(TRIAL_TRAFFIC_GB, 0);
    }

    /** The host trial keys are made on; empty → the first enabled host in display order. */
    public Optional<Long> trialHostId() {
        return raw(TRIAL_HOST_ID).filter(v -> !v.isBlank()).map(Long::parseLong);
    }

    /** How long before expiry reminders go out, largest first (default 72 h, 24 h, 1 h); expiry itself is implied. */
    public List<Duration> reminderOffsets() {
        return raw(REMINDER_OFFSETS).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(DurationStyle::detectAndParse).sorted(java.util.Comparator.reverseOrder()).toList())
                .orElse(List.of(Duration.ofHours(72), Duration.ofHours(24), Duration.ofHours(1)));
    }

    /** How long before expiry auto-renewal may charge the balance. */
    public Duration renewalWindow() {
        return duration(RENEWAL_WINDOW, Duration.ofHours(24));
    }

    public Duration syncInterval() {
        return duration(SYNC_INTERVAL, Duration.ofMinutes(15));
    }

    /** Whether keys expired longer than {@link #gracePeriod()} are deleted from their panel (SPEC §4.6). */
    public boolean graceDelete() {
        return bool(GRACE_DELETE, true);
    }

    public Duration gracePeriod() {
        return duration(GRACE_PERIOD, Duration.ofDays(5));
    }

    /** The bot's @username without the @, for referral links; empty until configured. */
    public String botUsername() {
        return raw(BOT_USERNAME).orElse("");
    }

    public String shopName() {
        return raw(SHOP_NAME).filter(v -> !v.isBlank()).orElse("Dark Maximus VPN");
    }

    /** The Mini App's public URL for the bot's "Open app" button; empty = no button. */
    public String miniAppUrl() {
        return raw(MINIAPP_URL).orElse("");
    }

    /** Where customers reach a human (an @username or a link), shown in help and refusals. */
    public String supportContact() {
        return raw(SUPPORT_CONTACT).filter(v -> !v.isBlank()).orElse("/support");
    }

    /** New customers must accept the terms and privacy policy before using the bot. */
    public boolean termsRequired() {
        return bool(TERMS_REQUIRED, false);
    }

    public String termsUrl() {
        return raw(TERMS_URL).orElse("");
    }

    /** A channel (@username or numeric id) customers must join before using the bot; empty = none. */
    public String requiredChannel() {
        return raw(REQUIRED_CHANNEL).orElse("");
    }

    /** The invite link shown on the "join the channel" button (a public channel's t.me link by default). */
    public String requiredChannelLink() {
        String channel = requiredChannel();
        return raw(REQUIRED_CHANNEL_LINK).filter(v -> !v.isBlank())
                .orElse(channel.startsWith("@") ? "https://t.me/" + channel.substring(1) : "");
    }

    /** The admin UI's address, for links from the bot's admin menu; empty = no link. */
    public String adminUiUrl() {
        return raw(ADMIN_UI_URL).orElse("");
    }

    /** The operators' forum group (one topic per ticket); empty = operators answer in the admin UI only. */
    public Optional<Long> supportForumId() {
        return raw(SUPPORT_FORUM_ID).filter(v -> !v.isBlank()).map(Long::parseLong);
    }

    /** How long a customer may wait for an answer before operators are reminded. */
    public Duration supportSla() {
        return duration(SUPPORT_SLA, Duration.ofHours(4));
    }

    /** How many updates a customer may send the bot per minute before being asked to slow down. */
    public int botUpdatesPerMinute() {
        return integer(BOT_FLOOD_PER_MINUTE, 30);
    }

    /** The Telegram chat that receives admin notifications (payments, errors); empty = none. */
    public Optional<Long> adminChatId() {
        return raw(ADMIN_CHAT_ID).filter(v -> !v.isBlank()).map(Long::parseLong);
    }

    public boolean referralEnabled() {
        return bool(REFERRAL_ENABLED, true);
    }

    /** The referrer's reward in percent of each paid purchase of an invitee. */
    public int referralPercent() {
        return integer(REFERRAL_PERCENT, 10);
    }

    /** The discount in percent on an invited customer's first purchase. */
    public int referralFirstPurchaseDiscount() {
        return integer(REFERRAL_FIRST_DISCOUNT, 5);
    }

    /** The smallest withdrawal of referral earnings, in kopecks (default 100 ₽). */
    public long referralWithdrawalMin() {
        return longValue(REFERRAL_WITHDRAWAL_MIN, 10_000);
    }

    /** Whether customers may move referral earnings to their spendable balance themselves. */
    public boolean referralTransferAllowed() {
        return bool(REFERRAL_TRANSFER, false);
    }

    /** How long an unpaid order keeps its price. */
    public Duration orderExpiry() {
        return duration(ORDER_EXPIRY, Duration.ofMinutes(30));
    }

    /** Smallest balance top-up in kopecks (default 100 ₽). */
    public long topUpMin() {
        return longValue(TOPUP_MIN, 10_000);
    }

    /** Largest balance top-up in kopecks (default 100,000 ₽). */
    public long topUpMax() {
        return longValue(TOPUP_MAX, 10_000_000);
    }

    /** A payment still pending this long is asked about at its provider (SPEC §5.7). */
    public Duration pendingRecheckAfter() {
        return duration(PENDING_RECHECK_AFTER, Duration.ofMinutes(10));
    }

    /** Whether YooKassa payments carry 54-FZ receipt data. */
    public boolean receipts() {
        return bool(RECEIPTS, false);
    }

    /** YooKassa's VAT code for receipt items (1 = without VAT). */
    public int receiptVatCode() {
        return integer(RECEIPT_VAT_CODE, 1);
    }

    /** Where receipts go when the customer gave no e-mail or phone. */
    public String receiptEmail() {
        return raw(RECEIPT_EMAIL).orElse("");
    }

    /** Whether a payment method is offered (each also needs its credentials). */
    public boolean methodEnabled(String method) {
        return bool(METHOD_ENABLED.formatted(method.toLowerCase(java.util.Locale.ROOT)), true);
    }

    public ZoneId timeZone() {
        return raw(TIME_ZONE).map(ZoneId::of).orElse(ZoneId.of("Europe/Moscow"));
    }

    /** Stores a value (the settings screen validates and audits; this is the one write path). */
    @Transactional
    public void put(String key, String value, Setting.ValueType type, String updatedBy) {
        repository.upsert(key, value, type.name(), false, updatedBy, clock.instant());
        cache.invalidate(key);
    }

    /** Drops every cached value, e.g. after a test or an import changed settings behind this node's back. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private Optional<String> raw(String key) {
        return cache.get(key);
    }

    private boolean bool(String key, boolean fallback) {
        return raw(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    private int integer(String key, int fallback) {
        return raw(key).map(Integer::parseInt).orElse(fallback);
    }

    private long longValue(String key, long fallback) {
        return raw(key).map(Long::parseLong).orElse(fallback);
    }

    private Duration duration(String key, Duration fallback) {
        return raw(key).map(DurationStyle::detectAndParse).orElse(fallback);
    }
}
