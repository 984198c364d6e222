package dev.darkmaximus.platform.settings;

import static dev.darkmaximus.platform.settings.SettingDefinition.of;
import static dev.darkmaximus.platform.settings.SettingGroup.ACCESS;
import static dev.darkmaximus.platform.settings.SettingGroup.ADMIN;
import static dev.darkmaximus.platform.settings.SettingGroup.CONNECT;
import static dev.darkmaximus.platform.settings.SettingGroup.GENERAL;
import static dev.darkmaximus.platform.settings.SettingGroup.PAYMENTS;
import static dev.darkmaximus.platform.settings.SettingGroup.REFERRAL;
import static dev.darkmaximus.platform.settings.SettingGroup.REMINDERS;
import static dev.darkmaximus.platform.settings.SettingGroup.SECURITY;
import static dev.darkmaximus.platform.settings.SettingGroup.SUPPORT;
import static dev.darkmaximus.platform.settings.SettingGroup.SYNC;
import static dev.darkmaximus.platform.settings.SettingGroup.TRIAL;
import static dev.darkmaximus.platform.settings.SettingType.APP_LINKS;
import static dev.darkmaximus.platform.settings.SettingType.BOOLEAN;
import static dev.darkmaximus.platform.settings.SettingType.CHAT_ID;
import static dev.darkmaximus.platform.settings.SettingType.DURATION;
import static dev.darkmaximus.platform.settings.SettingType.DURATION_LIST;
import static dev.darkmaximus.platform.settings.SettingType.HOST_ID;
import static dev.darkmaximus.platform.settings.SettingType.INTEGER;
import static dev.darkmaximus.platform.settings.SettingType.MONEY;
import static dev.darkmaximus.platform.settings.SettingType.SECRET;
import static dev.darkmaximus.platform.settings.SettingType.TEXT;
import static dev.darkmaximus.platform.settings.SettingType.STRING;
import static dev.darkmaximus.platform.settings.SettingType.TIME_ZONE;
import static dev.darkmaximus.platform.settings.SettingType.URL;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting the shop has (SPEC §13), in screen order. The getters of {@link ShopSettings} take their defaults
 * from here and the settings screen validates against the same entries, so the two can't disagree; each default is
 * checked against its own rules when the class loads.
 */
public final class SettingCatalogue {

    private static final String BOT_USERNAME_RULE = "must be the bot's username without @ (5–32 letters, digits or _)";

    private static final List<SettingDefinition> ALL = List.of(
            of(ShopSettings.SHOP_NAME, GENERAL, STRING, "Shop name",
                    "How the bot and the Mini App call the shop.", "Dark Maximus VPN"),
            of(ShopSettings.BOT_USERNAME, GENERAL, STRING, "Bot username",
                    "The bot's @username without the @, for referral links.", "")
                    .matching("[A-Za-z0-9_]{5,32}", BOT_USERNAME_RULE),
            of(ShopSettings.MINIAPP_URL, GENERAL, URL, "Mini App URL",
                    "The Mini App's public address for the bot's \"Open app\" button; empty = no button.", ""),
            of(ShopSettings.SUPPORT_CONTACT, GENERAL, STRING, "Support contact",
                    "Where customers reach a human (an @username or a link), shown in help and refusals.", "/support"),
            of(ShopSettings.TIME_ZONE, GENERAL, TIME_ZONE, "Time zone",
                    "The shop's time zone for dates shown to customers and staff.", "Europe/Moscow"),
            of(ShopSettings.MAINTENANCE, GENERAL, BOOLEAN, "Maintenance mode",
                    "Customers see the \"back soon\" text (template shop.maintenance) in the bot and the Mini App; "
                            + "staff, payments and keys already bought keep working.", "false"),

            of(ShopSettings.TERMS_REQUIRED, ACCESS, BOOLEAN, "Terms required",
                    "New customers must accept the terms and privacy policy before using the bot.", "false"),
            of(ShopSettings.TERMS_URL, ACCESS, URL, "Terms URL", "The terms and privacy policy page.", ""),
            of(ShopSettings.REQUIRED_CHANNEL, ACCESS, STRING, "Required channel",
                    "A channel customers must join before using the bot (@username or numeric id); empty = none.", "")
                    .matching("@[A-Za-z0-9_]{5,32}|-?[0-9]{1,20}", "must be a @channel username or a numeric chat id"),
            of(ShopSettings.REQUIRED_CHANNEL_LINK, ACCESS, URL, "Required channel link",
                    "The invite link on the \"join the channel\" button; empty = the public channel's t.me link.", ""),

            of(ShopSettings.TRIAL_ENABLED, TRIAL, BOOLEAN, "Trial enabled",
                    "New customers may take one free trial key.", "true"),
            of(ShopSettings.TRIAL_DAYS, TRIAL, INTEGER, "Trial days", "How long a trial key lasts.", "3")
                    .between("1", "365"),
            of(ShopSettings.TRIAL_TRAFFIC_GB, TRIAL, INTEGER, "Trial traffic, GB",
                    "The trial key's traffic limit; 0 = unlimited.", "0").between("0", "10000"),
            of(ShopSettings.TRIAL_HOST_ID, TRIAL, HOST_ID, "Trial host",
                    "The host trial keys are made on; empty = the customer picks among the enabled hosts.", ""),

            of(ShopSettings.PUBLIC_URL, CONNECT, URL, "Public address",
                    "The shop's public https address (this backend), e.g. https://vpn.example.com: keys get a page "
                            + "at /s/… that VPN apps import, and the one-tap app buttons. Empty = the Mini App URL's "
                            + "address; with neither, customers get the link and QR only.", ""),
            of(ShopSettings.VPN_APPS, CONNECT, APP_LINKS, "VPN apps",
                    "The apps offered as one-tap buttons, in this order: a JSON list of {id, name, platforms, link, "
                            + "download}. In the link, {url} is the subscription URL ({url_encoded}, {url_base64} "
                            + "and {name_encoded} as the app wants them). Empty = the built-in list (docs/connect.md).",
                    VpnAppDefaults.JSON),
            of(ShopSettings.SUBSCRIPTION_UPDATE_HOURS, CONNECT, INTEGER, "App refresh interval, hours",
                    "How often VPN apps re-read a key's subscription (the profile-update-interval they are sent).",
                    "12").between("1", "168"),

            of(ShopSettings.REFERRAL_ENABLED, REFERRAL, BOOLEAN, "Referral program enabled",
                    "Customers earn from the purchases of customers they invited.", "true"),
            of(ShopSettings.REFERRAL_PERCENT, REFERRAL, INTEGER, "Referral reward, %",
                    "The referrer's reward in percent of each paid purchase of an invitee.", "10").between("0", "100"),
            of(ShopSettings.REFERRAL_FIRST_DISCOUNT, REFERRAL, INTEGER, "First purchase discount, %",
                    "The discount on an invited customer's first purchase.", "5").between("0", "100"),
            of(ShopSettings.REFERRAL_WITHDRAWAL_MIN, REFERRAL, MONEY, "Smallest withdrawal",
                    "The smallest withdrawal of referral earnings, in kopecks.", "10000").between("0", "1000000000"),
            of(ShopSettings.REFERRAL_TRANSFER, REFERRAL, BOOLEAN, "Transfer to balance allowed",
                    "Customers may move referral earnings to their spendable balance themselves.", "false"),

            of(ShopSettings.methodEnabledKey("yookassa"), PAYMENTS, BOOLEAN, "YooKassa enabled",
                    "Offer card and SBP payments through YooKassa (it also needs its credentials).", "true"),
            of(ShopSettings.YOOKASSA_SHOP_ID, PAYMENTS, STRING, "YooKassa shop id",
                    "Used together with the secret key; while either is empty, the server's configuration applies.",
                    "").matching("[A-Za-z0-9_-]{1,64}", "must be a YooKassa shop id (letters, digits, - or _)"),
            of(ShopSettings.YOOKASSA_SECRET_KEY, PAYMENTS, SECRET, "YooKassa secret key",
                    "The shop's secret key (test_… for a test shop); stored encrypted and never shown.", ""),
            of(ShopSettings.RECEIPTS, PAYMENTS, BOOLEAN, "YooKassa receipts",
                    "Payments carry 54-FZ receipt data.", "false"),
            of(ShopSettings.RECEIPT_VAT_CODE, PAYMENTS, INTEGER, "Receipt VAT code",
                    "YooKassa's VAT code for receipt items (1 = without VAT).", "1").between("1", "12"),
            of(ShopSettings.RECEIPT_EMAIL, PAYMENTS, STRING, "Receipt e-mail",
                    "Where receipts go when the customer gave no e-mail or phone.", "")
                    .matching("[^@\\s]+@[^@\\s]+\\.[^@\\s]+", "must be an e-mail address"),
            of(ShopSettings.methodEnabledKey("stars"), PAYMENTS, BOOLEAN, "Telegram Stars enabled",
                    "Offer payments in Telegram Stars.", "true"),
            of(ShopSettings.methodEnabledKey("cryptobot"), PAYMENTS, BOOLEAN, "CryptoBot enabled",
                    "Offer crypto payments through CryptoBot (it also needs its token). Crypto payments are refunded "
                            + "to the balance only: CryptoBot has no refunds.", "true"),
            of(ShopSettings.CRYPTOBOT_TOKEN, PAYMENTS, SECRET, "CryptoBot token",
                    "The Crypto Pay API token of your app in @CryptoBot (Crypto Pay → My apps); stored encrypted and "
                            + "never shown. Empty = the server's configuration applies.", ""),
            of(ShopSettings.CRYPTOBOT_ASSETS, PAYMENTS, STRING, "CryptoBot assets",
                    "The coins an invoice accepts, comma-separated, e.g. USDT,TON,BTC. Prices stay in roubles; "
                            + "CryptoBot converts them at its rate.", "USDT,TON,BTC,ETH,LTC,TRX,USDC")
                    .matching("[A-Z0-9]{2,10}(,[A-Z0-9]{2,10}){0,19}", "must be coin codes in capitals, separated by "
                            + "commas (USDT,TON)"),
            of(ShopSettings.CRYPTOBOT_TESTNET, PAYMENTS, BOOLEAN, "CryptoBot test network",
                    "Make invoices on CryptoBot's test network (@CryptoTestnetBot, test coins) instead of the real "
                            + "one; the token must be a testnet app's.", "false"),
            of(ShopSettings.methodEnabledKey("bank_transfer"), PAYMENTS, BOOLEAN, "Bank transfer enabled",
                    "Offer payment by bank transfer: the customer is shown the instructions below and the order waits "
                            + "until an admin confirms the money arrived (Transactions → the payment).", "false"),
            of(ShopSettings.TRANSFER_INSTRUCTIONS, PAYMENTS, TEXT, "Bank transfer instructions",
                    "What a customer paying by bank transfer is told: the shop's bank details. The order number and "
                            + "amount are added below it, with a request to put the order number in the payment "
                            + "purpose.", ""),
            of(ShopSettings.TRANSFER_DAYS, PAYMENTS, INTEGER, "Bank transfer wait, days",
                    "How many days an order paid by bank transfer waits for the money before it expires (an admin "
                            + "can still confirm a transfer that arrives later).", "3").between("1", "30"),
            of(ShopSettings.methodEnabledKey("balance"), PAYMENTS, BOOLEAN, "Balance payments enabled",
                    "Customers may pay from their balance.", "true"),
            of(ShopSettings.TOPUP_MIN, PAYMENTS, MONEY, "Smallest top-up",
                    "The smallest balance top-up, in kopecks; at most the largest one.", "10000")
                    .between("100", "1000000000"),
            of(ShopSettings.TOPUP_MAX, PAYMENTS, MONEY, "Largest top-up",
                    "The largest balance top-up, in kopecks.", "10000000").between("100", "1000000000"),
            of(ShopSettings.ADJUSTMENT_MAX, PAYMENTS, MONEY, "Largest balance adjustment",
                    "The largest single admin correction of a balance, credit or debit, in kopecks.", "10000000")
                    .between("100", "1000000000"),
            of(ShopSettings.ORDER_EXPIRY, PAYMENTS, DURATION, "Order expiry",
                    "How long an unpaid order keeps its price.", "30m").between("1m", "24h"),
            of(ShopSettings.PENDING_RECHECK_AFTER, PAYMENTS, DURATION, "Re-check pending payments after",
                    "A payment still pending this long is asked about at its provider.", "10m").between("1m", "24h"),

            of(ShopSettings.REMINDER_OFFSETS, REMINDERS, DURATION_LIST, "Reminder offsets",
                    "How long before expiry reminders go out, e.g. 72h,24h,1h.", "72h,24h,1h").between("1m", "30d"),
            of(ShopSettings.RENEWAL_WINDOW, REMINDERS, DURATION, "Renewal window",
                    "How long before expiry auto-renewal may charge the balance.", "24h").between("1h", "30d"),

            of(ShopSettings.SUPPORT_FORUM_ID, SUPPORT, CHAT_ID, "Support forum group",
                    "The operators' forum group, one topic per ticket; empty = answers in the admin UI only.", ""),
            of(ShopSettings.SUPPORT_SLA, SUPPORT, DURATION, "Support SLA",
                    "How long a customer may wait for an answer before operators are reminded.", "4h")
                    .between("5m", "7d"),

            of(ShopSettings.SYNC_INTERVAL, SYNC, DURATION, "Sync interval",
                    "How often keys are compared with their panels.", "15m").between("1m", "24h"),
            of(ShopSettings.GRACE_DELETE, SYNC, BOOLEAN, "Delete long-expired keys",
                    "Keys expired longer than the grace period are deleted from their panel and archived.", "true"),
            of(ShopSettings.GRACE_PERIOD, SYNC, DURATION, "Grace period",
                    "How long an expired key stays on its panel.", "5d").between("1h", "365d"),
            of(ShopSettings.SELL_WHILE_PANEL_DOWN, SYNC, BOOLEAN, "Sell while a panel is down",
                    "Keep selling a host's plans while its panel fails its checks, telling customers their key may "
                    + "take longer; off = such hosts leave the storefront until their panel answers again.", "false"),
            of(ShopSettings.PROVISIONING_NOTICE_AFTER, SYNC, DURATION, "Slow key notice after",
                    "A key still being prepared this long after purchase tells its customer plainly and alerts the "
                    + "admins once.", "10m").between("1m", "24h"),

            of(ShopSettings.BOT_FLOOD_PER_MINUTE, SECURITY, INTEGER, "Bot updates per minute",
                    "How many updates a customer may send the bot per minute before being asked to slow down.", "30")
                    .between("1", "1000"),

            of(ShopSettings.ADMIN_CHAT_ID, ADMIN, CHAT_ID, "Admin chat",
                    "The Telegram chat that receives admin notifications (payments, errors); empty = none.", ""),
            of(ShopSettings.LOG_CHAT_ID, ADMIN, CHAT_ID, "Log chat",
                    "A Telegram chat that gets the backend's errors (and warnings, by the level below), grouped and "
                            + "rate-limited; empty = none.", ""),
            of(ShopSettings.LOG_CHAT_LEVEL, ADMIN, STRING, "Log chat level",
                    "The least severe level sent to the log chat: WARN or ERROR.", "ERROR")
                    .matching("WARN|ERROR", "must be WARN or ERROR"),
            of(ShopSettings.BACKUP_ENABLED, ADMIN, BOOLEAN, "Scheduled backups",
                    "The backend dumps the database on a schedule (docs/ops/backup.md).", "true"),
            of(ShopSettings.BACKUP_INTERVAL, ADMIN, DURATION, "Backup interval", "Time between two backups.", "24h")
                    .between("1h", "30d"),
            of(ShopSettings.BACKUP_KEEP, ADMIN, INTEGER, "Backups kept",
                    "How many backups are kept; older ones are deleted.", "14").between("1", "1000"),
            of(ShopSettings.BACKUP_DIRECTORY, ADMIN, STRING, "Backup directory",
                    "Where backups are written, on the backend's disk; empty = backups/ in the data directory.", ""),
            of(ShopSettings.BACKUP_TO_ADMIN_CHAT, ADMIN, BOOLEAN, "Send backups to the admin chat",
                    "Each backup is also sent to the admin chat as a file, when under Telegram's 50 MB limit. The "
                            + "chat then holds the shop's data: keep it private.", "false"),
            of(ShopSettings.ADMIN_UI_URL, ADMIN, URL, "Admin UI URL",
                    "The admin UI's address, for links from the bot's admin menu; empty = no link.", ""));

    private static final Set<SettingType> BOUNDED = EnumSet.of(INTEGER, MONEY, DURATION, DURATION_LIST);
    private static final Map<String, SettingDefinition> BY_KEY = index();

    private SettingCatalogue() {
    }

    /** Every setting, grouped and in the order the settings screen shows them. */
    public static List<SettingDefinition> all() {
        return ALL;
    }

    /** A setting's label in {@code language}: Russian from {@link SettingCatalogueRu}, else English. */
    static String label(SettingDefinition definition, String language) {
        String[] ru = "ru".equals(language) ? SettingCatalogueRu.TEXTS.get(definition.key()) : null;
        return ru == null ? definition.label() : ru[0];
    }

    static String description(SettingDefinition definition, String language) {
        String[] ru = "ru".equals(language) ? SettingCatalogueRu.TEXTS.get(definition.key()) : null;
        return ru == null ? definition.description() : ru[1];
    }

    public static Optional<SettingDefinition> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * A value checked and normalised as the settings screen would store it, for writers outside the screen (the DM2
     * import): the stored text, its stored type and whether it is a secret, or why it is refused.
     */
    public static Checked check(String key, String value) {
        SettingDefinition definition = get(key);
        try {
            return new Checked(definition.normalize(value.strip()), definition.type().storedAs().name(),
                    definition.secret(), null);
        } catch (InvalidSettingException e) {
            return new Checked(null, null, false, e.getMessage());
        }
    }

    /** @param error null when the value is valid */
    public record Checked(String value, String valueType, boolean secret, String error) {
    }

    static SettingDefinition get(String key) {
        SettingDefinition definition = BY_KEY.get(key);
        if (definition == null) {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        return definition;
    }

    private static Map<String, SettingDefinition> index() {
        Map<String, SettingDefinition> byKey = new LinkedHashMap<>();
        for (SettingDefinition definition : ALL) {
            if (byKey.put(definition.key(), definition) != null) {
                throw new IllegalStateException("setting listed twice: " + definition.key());
            }
            if (BOUNDED.contains(definition.type()) && (definition.min() == null || definition.max() == null)) {
                throw new IllegalStateException("setting without bounds: " + definition.key());
            }
            if (!definition.defaultValue().isEmpty()
                    && !definition.normalize(definition.defaultValue()).equals(definition.defaultValue())) {
                throw new IllegalStateException("default of " + definition.key() + " breaks its own rules");
            }
        }
        return Map.copyOf(byKey);
    }
}
