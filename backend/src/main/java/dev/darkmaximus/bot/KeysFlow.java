package dev.darkmaximus.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import dev.darkmaximus.catalog.HostView;
import dev.darkmaximus.connect.ConnectOptions;
import dev.darkmaximus.messaging.MessageFormats;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.TelegramBotApi;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyService;
import dev.darkmaximus.subscription.KeyView;

/** My keys (SPEC §8): the list, a key's card with its link, QR code, instructions per platform, extend, auto-renew. */
@Component
class KeysFlow {

    static final Set<String> PLATFORMS = Set.of("android", "ios", "windows", "macos", "linux");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** Telegram's copy_text button takes up to 256 characters. */
    private static final int COPY_LIMIT = 256;

    private final KeyQueries queries;
    private final KeyService keys;
    private final ShopSettings settings;
    private final ConnectOptions connect;
    private final Clock clock;

    KeysFlow(KeyQueries queries, KeyService keys, ShopSettings settings, ConnectOptions connect, Clock clock) {
        this.queries = queries;
        this.connect = connect;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    void list(Chat chat) {
        List<KeyView> owned = queries.forCustomer(chat.customerId());
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (KeyView key : owned) {
            rows.add(Chat.row(chat.button(chat.label("key.line", "icon", icon(key.status()), "number", key.number(),
                    "host", key.hostNameFor(chat.language()), "left", left(chat, key)), Tap.KEY, Long.toString(key.id()))));
        }
        if (owned.isEmpty()) {
            rows.add(Chat.row(chat.button(chat.t("btn.buy"), Tap.BUY)));
            if (chat.customer().trialAvailable()) {
                rows.add(Chat.row(chat.button(chat.t("btn.trial"), Tap.TRIAL)));
            }
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU)));
        chat.show(chat.t(owned.isEmpty() ? "keys.empty" : "keys"), Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    /** A key's card; someone else's key is "not found" (the service checks ownership). */
    void card(Chat chat, long keyId) {
        KeyView key = queries.getOwned(chat.customerId(), keyId);
        String id = Long.toString(keyId);
        String subscription = connect.subscriptionUrl(key).orElse(null);
        String access = key.connectionLink() == null ? chat.t("key.no_link")
                : chat.t("key.access", "link", key.connectionLink(), "subscription", Chat.html(
                subscription == null ? "" : chat.t("key.subscription", "url", subscription)));
        String used = gigabytes(chat, key.trafficUsedBytes());
        String traffic = key.trafficLimitBytes() == 0 ? chat.t("key.traffic_unlimited", "used", used)
                : chat.t("key.traffic", "used", used, "limit", gigabytes(chat, key.trafficLimitBytes()));
        String text = chat.t("key.card", "number", key.number(), "host", key.hostNameFor(chat.language()),
                "status", chat.t("status." + key.status()), "expires", date(key.expiresAt()), "traffic", traffic,
                "auto", chat.t(key.autoRenewEffective() ? "yes" : "no"), "access", Chat.html(access));
        boolean live = !"revoked".equals(key.status());
        boolean link = key.connectionLink() != null;
        chat.show(text, Chat.rows(
                Chat.row(link ? chat.button(chat.t("btn.qr"), Tap.KEY_QR, id) : null,
                        chat.button(chat.t("btn.instructions"), Tap.KEY_PLATFORMS, id)),
                Chat.row(link && key.connectionLink().length() <= COPY_LIMIT
                        ? Chat.copy(chat.t("btn.copy"), key.connectionLink()) : null),
                Chat.row(link && live ? connect.pageUrl(key).map(page -> Chat.link(chat.t("btn.all_apps"), page))
                        .orElse(null) : null),
                Chat.row(key.extendable()
                        ? chat.button(chat.t("btn.extend"), Tap.METHODS, Purchase.EXTEND_KEY.code, id) : null),
                Chat.row(live && !key.trial() ? chat.button(chat.t(key.autoRenewEffective() ? "btn.autorenew_on"
                        : "btn.autorenew_off"), Tap.KEY_AUTO_RENEW, id) : null),
                Chat.row(chat.button(chat.t("btn.back"), Tap.KEYS))));
    }

    void qr(Chat chat, long keyId) {
        KeyView key = queries.getOwned(chat.customerId(), keyId);
        if (key.connectionLink() == null) {
            chat.notice(chat.t("key.no_qr"));
            return;
        }
        byte[] png = queries.qrCode(chat.customerId(), keyId, false);
        try {
            chat.photo(png, "key-" + key.number() + ".png", chat.t("key.qr", "number", key.number()),
                    Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.KEY, Long.toString(keyId)))));
        } catch (TelegramBotApi.Refused | TelegramBotApi.RetryLater notSent) {
            // Telegram took no picture (too many at once, or refused it): the customer must not be left waiting.
            chat.notice(chat.t("key.qr_failed"));
        }
    }

    /** Device choice for a key's instructions; key 0 is the general help's instructions. */
    void platforms(Chat chat, long keyId) {
        if (keyId != 0) {
            queries.getOwned(chat.customerId(), keyId);
        }
        String id = Long.toString(keyId);
        chat.show(chat.t("instructions"), Chat.rows(
                Chat.row(chat.button(chat.t("btn.android"), Tap.KEY_INSTRUCTIONS, id, "android"),
                        chat.button(chat.t("btn.ios"), Tap.KEY_INSTRUCTIONS, id, "ios")),
                Chat.row(chat.button(chat.t("btn.windows"), Tap.KEY_INSTRUCTIONS, id, "windows"),
                        chat.button(chat.t("btn.macos"), Tap.KEY_INSTRUCTIONS, id, "macos"),
                        chat.button(chat.t("btn.linux"), Tap.KEY_INSTRUCTIONS, id, "linux")),
                Chat.row(keyId == 0 ? chat.button(chat.t("btn.back"), Tap.HELP)
                        : chat.button(chat.t("btn.back"), Tap.KEY, id))));
    }

    /**
     * A platform's instructions; for a key, with a one-tap button per app of that platform and where to get it
     * (https pages that open the app: Telegram buttons take no other scheme).
     */
    void instructions(Chat chat, long keyId, String platform) {
        if (!PLATFORMS.contains(platform)) {
            platforms(chat, keyId);
            return;
        }
        List<ConnectOptions.AppOption> apps = keyId == 0 ? List.of()
                : connect.apps(queries.getOwned(chat.customerId(), keyId), platform).stream()
                        .filter(app -> app.openUrl() != null).toList();
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (ConnectOptions.AppOption app : apps) {
            String download = app.download().get(platform);
            rows.add(Chat.row(Chat.link(chat.label("btn.add_app", "app", app.name()), app.openUrl()),
                    download == null ? null : Chat.link(chat.label("btn.download_app", "app", app.name()), download)));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.KEY_PLATFORMS, Long.toString(keyId))));
        chat.show(chat.t("instructions." + platform) + (apps.isEmpty() ? "" : chat.t("instructions.apps")),
                Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    void toggleAutoRenew(Chat chat, long keyId) {
        KeyView key = queries.getOwned(chat.customerId(), keyId);
        keys.setAutoRenew(chat.customerId(), keyId, key.autoRenewEffective() ? "off" : "on");
        card(chat, keyId);
    }

    /**
     * The trial: with several servers on offer the customer picks one first (the country they would buy), else it
     * is taken at once. A customer whose trial is used hears so at once, not after choosing.
     */
    void trial(Chat chat, Long hostId) {
        List<HostView> offered = keys.trialHosts();
        if (hostId == null && offered.size() > 1 && chat.customer().trialAvailable()) {
            List<InlineKeyboardButton[]> rows = new ArrayList<>();
            for (HostView host : offered) {
                String flag = host.flag() != null ? host.flag() + " " : "";
                rows.add(Chat.row(chat.button(flag + host.nameFor(chat.language()), Tap.TRIAL, Long.toString(host.id()))));
            }
            rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU)));
            chat.show(chat.t("trial.choose"), Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
            return;
        }
        KeyView key = keys.requestTrial(chat.customerId(), hostId);
        chat.show(chat.t("trial.started", "number", key.number(), "host", key.hostNameFor(chat.language())),
                Chat.rows(Chat.row(chat.button(chat.t("btn.keys"), Tap.KEYS)),
                        Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
    }

    private String left(Chat chat, KeyView key) {
        if (!"active".equals(key.status())) {
            return chat.t("status." + key.status());
        }
        return chat.t("key.days_left", "days", MessageFormats.daysLeft(clock.instant(), key.expiresAt()));
    }

    private String date(Instant at) {
        return at == null ? "—" : DATE.format(at.atZone(settings.timeZone()));
    }

    private static String icon(String status) {
        return switch (status) {
            case "active" -> "🟢";
            case "provisioning" -> "⏳";
            case "expired" -> "🔴";
            case "disabled" -> "⏸";
            default -> "⚠️";
        };
    }

    /** Bytes as gigabytes in the chat's language ("1,5 ГБ", "1.5 GB"). */
    static String gigabytes(Chat chat, long bytes) {
        return chat.t("traffic.gb", "n", MessageFormats.gigabytes(bytes, chat.language()));
    }
}
