package dev.darkmaximus.bot;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.CopyTextButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * One update's conversation with one customer: texts in their language, signed buttons, and the reply — an edit of
 * the message whose button was tapped where Telegram allows it, a new message otherwise.
 */
final class Chat {

    private final BotApiClient api;
    private final Templates templates;
    private final CallbackCodec codec;
    private CustomerView customer;
    private final long chatId;
    private final Integer messageId;
    private final String callbackQueryId;
    private String language;
    private boolean answered;

    Chat(BotApiClient api, Templates templates, CallbackCodec codec, CustomerView customer, long chatId,
         Integer messageId, String callbackQueryId) {
        this.api = api;
        this.templates = templates;
        this.codec = codec;
        this.customer = customer;
        this.chatId = chatId;
        this.messageId = messageId;
        this.callbackQueryId = callbackQueryId;
        this.language = customer.language();
    }

    CustomerView customer() {
        return customer;
    }

    /** The customer as they are after this update changed them (terms accepted, language switched). */
    void refresh(CustomerView changed) {
        this.customer = changed;
        this.language = changed.language();
    }

    long customerId() {
        return customer.id();
    }

    String language() {
        return language;
    }

    void language(String language) {
        this.language = language;
    }

    /** The screen message the tap came from; null for typed messages. */
    Integer messageId() {
        return messageId;
    }

    /**
     * A text by key with {@code name, value} pairs for its placeholders. Values are HTML-escaped, except
     * {@link Html} fragments (texts this bot already rendered), which are placed as they are.
     */
    String t(String key, Object... namesAndValues) {
        Map<String, String> params = new HashMap<>();
        Map<String, String> fragments = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value instanceof Html html) {
                String token = "\u0000" + fragments.size() + "\u0000";
                fragments.put(token, html.value());
                params.put((String) namesAndValues[i], token);
            } else {
                params.put((String) namesAndValues[i], String.valueOf(value));
            }
        }
        String text = templates.render("bot." + key, language, params);
        for (Map.Entry<String, String> fragment : fragments.entrySet()) {
            text = text.replace(fragment.getKey(), fragment.getValue());
        }
        return text;
    }

    /** A text for a button label: Telegram shows labels as plain text, so nothing is HTML-escaped. */
    String label(String key, Object... namesAndValues) {
        return t(key, namesAndValues).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Already-rendered HTML to embed in another text. */
    static Html html(String value) {
        return new Html(value);
    }

    record Html(String value) {
    }

    boolean has(String key) {
        return templates.exists("bot." + key);
    }

    /** A button that comes back as {@code tap} with {@code args}, signed for this customer. */
    InlineKeyboardButton button(String label, Tap tap, String... args) {
        String[] parts = new String[args.length + 1];
        parts[0] = tap.code;
        System.arraycopy(args, 0, parts, 1, args.length);
        return InlineKeyboardButton.builder().text(label).callbackData(codec.encode(customer.telegramId(), parts))
                .build();
    }

    static InlineKeyboardButton link(String label, String url) {
        return InlineKeyboardButton.builder().text(label).url(url).build();
    }

    static InlineKeyboardButton webApp(String label, String url) {
        return InlineKeyboardButton.builder().text(label).webApp(new WebAppInfo(url)).build();
    }

    static InlineKeyboardButton copy(String label, String text) {
        return InlineKeyboardButton.builder().text(label).copyText(new CopyTextButton(text)).build();
    }

    static List<InlineKeyboardRow> rows(InlineKeyboardButton[]... rows) {
        List<InlineKeyboardRow> result = new ArrayList<>();
        for (InlineKeyboardButton[] row : rows) {
            if (row.length > 0) {
                result.add(new InlineKeyboardRow(row));
            }
        }
        return result;
    }

    static InlineKeyboardButton[] row(InlineKeyboardButton... buttons) {
        return Arrays.stream(buttons).filter(Objects::nonNull)
                .toArray(InlineKeyboardButton[]::new);
    }

    /** Shows a screen: edits the tapped message in place, or sends a new one when there is none to edit. */
    void show(String text, List<InlineKeyboardRow> keyboard) {
        if (messageId == null) {
            send(text, keyboard);
            return;
        }
        try {
            api.execute(EditMessageText.builder().chatId(chatId).messageId(messageId).text(text).parseMode("HTML")
                    .linkPreviewOptions(noPreview()).replyMarkup(markup(keyboard)).build());
        } catch (TelegramBotApi.Refused refused) {
            if (refused.getMessage() != null && refused.getMessage().contains("message is not modified")) {
                return;
            }
            // Too old, a photo, or deleted: Telegram can't edit it, so the screen arrives as a new message.
            send(text, keyboard);
        }
    }

    void send(String text, List<InlineKeyboardRow> keyboard) {
        api.execute(SendMessage.builder().chatId(chatId).text(text).parseMode("HTML").linkPreviewOptions(noPreview())
                .replyMarkup(keyboard.isEmpty() ? null : markup(keyboard)).build());
    }

    void photo(byte[] png, String fileName, String caption, List<InlineKeyboardRow> keyboard) {
        api.execute(SendPhoto.builder().chatId(chatId).photo(new InputFile(new ByteArrayInputStream(png), fileName))
                .caption(caption).parseMode("HTML").replyMarkup(keyboard.isEmpty() ? null : markup(keyboard)).build());
    }

    /** A short notice on the tapped button (or a message when the customer typed). */
    void notice(String text) {
        if (callbackQueryId != null && !answered) {
            answered = true;
            api.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).showAlert(true)
                    .build());
        } else {
            send(text, List.of());
        }
    }

    /** Telegram shows a spinner on a tapped button until it is answered. */
    void finish() {
        if (callbackQueryId != null && !answered) {
            answered = true;
            try {
                api.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
            } catch (RuntimeException tooLate) {
                // The spinner stops by itself after a while; the screen was already shown.
            }
        }
    }

    private static InlineKeyboardMarkup markup(List<InlineKeyboardRow> keyboard) {
        return new InlineKeyboardMarkup(keyboard);
    }

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }
}
