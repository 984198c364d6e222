package dev.darkmaximus.bot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import dev.darkmaximus.connect.ConnectOptions;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.NotificationDelivery;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.TelegramBotApi;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyView;
import dev.darkmaximus.subscription.QrCodes;

/**
 * "Your key is ready" (SPEC §8) as one message that is enough to connect: the QR code as the picture, the link in
 * the text, a one-tap button per app (the first of the shop's table: the bot can't know the customer's device, the
 * page behind "All apps" can), and the key's card. Telegram takes at most 1,024 characters under a picture: a longer
 * text goes as a message whose QR is a button away. Without a public address Telegram buttons can't open apps
 * (they take only http(s)); the message then carries the link and QR.
 */
@Component
class KeyReadyMessage implements NotificationDelivery {

    /** Two rows of two: what fits a phone's width without crowding the buttons that follow. */
    static final int APP_BUTTONS = 4;
    private static final int CAPTION_LIMIT = 1024;
    private static final int COPY_LIMIT = 256;

    private final BotApiClient api;
    private final Templates templates;
    private final CallbackCodec codec;
    private final KeyQueries keys;
    private final ConnectOptions connect;

    KeyReadyMessage(BotApiClient api, Templates templates, CallbackCodec codec, KeyQueries keys,
                    ConnectOptions connect) {
        this.api = api;
        this.templates = templates;
        this.codec = codec;
        this.keys = keys;
        this.connect = connect;
    }

    @Override
    public boolean handles(String templateKey) {
        return Templates.KEY_READY.equals(templateKey);
    }

    @Override
    public void deliver(CustomerView customer, String templateKey, Map<String, String> params) {
        Chat chat = new Chat(api, templates, codec, customer, customer.telegramId(), null, null);
        KeyView key = Optional.ofNullable(params.get("key_id")).map(Long::parseLong).map(keys::get).orElse(null);
        String link = key == null ? null : connect.subscriptionUrl(key).orElse(key.connectionLink());
        Map<String, String> values = new HashMap<>(params);
        values.put("link", link == null ? "—" : link);
        String text = templates.render(templateKey, customer.language(), values);
        if (key == null || link == null || "revoked".equals(key.status())) {
            chat.send(text, List.of());
            return;
        }
        List<InlineKeyboardRow> keyboard = keyboard(chat, key, text.length() > CAPTION_LIMIT);
        try {
            if (text.length() > CAPTION_LIMIT) {
                chat.send(text, keyboard);
            } else {
                chat.photo(QrCodes.png(link, 512), "key-" + key.number() + ".png", text, keyboard);
            }
        } catch (TelegramBotApi.Refused refused) {
            // A picture or a button Telegram won't take (an address it rejects) must not cost the customer the
            // message: the text alone carries the link.
            chat.send(text, List.of());
        }
    }

    private List<InlineKeyboardRow> keyboard(Chat chat, KeyView key, boolean qrButton) {
        String id = Long.toString(key.id());
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        List<InlineKeyboardButton> apps = connect.apps(key).stream().filter(app -> app.openUrl() != null)
                .limit(APP_BUTTONS).map(app -> Chat.link(chat.label("btn.add_app", "app", app.name()), app.openUrl()))
                .toList();
        for (int i = 0; i < apps.size(); i += 2) {
            rows.add(apps.subList(i, Math.min(i + 2, apps.size())).toArray(InlineKeyboardButton[]::new));
        }
        connect.pageUrl(key).ifPresent(page -> rows.add(Chat.row(Chat.link(chat.t("btn.all_apps"), page))));
        String link = key.connectionLink();
        rows.add(Chat.row(link != null && link.length() <= COPY_LIMIT ? Chat.copy(chat.t("btn.copy"), link) : null,
                qrButton ? chat.button(chat.t("btn.qr"), Tap.KEY_QR, id) : null));
        rows.add(Chat.row(chat.button(chat.t("btn.keys"), Tap.KEY, id)));
        return Chat.rows(rows.toArray(InlineKeyboardButton[][]::new));
    }
}
