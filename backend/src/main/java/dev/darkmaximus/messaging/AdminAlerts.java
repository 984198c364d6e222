package dev.darkmaximus.messaging;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxService;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.SendQueue;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Messages to the shop's admin chat (new payments, failures), queued in the caller's transaction so an alert exists
 * exactly when what it reports does. With no admin chat configured they are not queued at all.
 */
@Service
public class AdminAlerts {

    static final String TASK = "admin.alert";

    private final OutboxService outbox;
    private final ShopSettings settings;
    private final JsonMapper json;

    AdminAlerts(OutboxService outbox, ShopSettings settings, JsonMapper json) {
        this.outbox = outbox;
        this.settings = settings;
        this.json = json;
    }

    /**
     * An alert from its template (HTML-escaped when sent); {@code dedupKey} makes a repeated alert a no-op. Without
     * an admin chat nothing is queued: there is nobody to tell, and a task per new customer would only fill the
     * outbox.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(AlertTemplates template, Map<String, String> params, String dedupKey) {
        if (settings.adminChatId().isEmpty()) {
            return;
        }
        outbox.enqueue(TASK, new JsonDocument(json.writeValueAsString(Map.of("text", template.render(params)))),
                "admin:" + dedupKey);
    }

    @Component
    static class Sender implements OutboxHandler {

        private final ShopSettings settings;
        private final TelegramBotApi telegram;
        private final SendQueue sendQueue;
        private final JsonMapper json;

        Sender(ShopSettings settings, TelegramBotApi telegram, SendQueue sendQueue, JsonMapper json) {
            this.settings = settings;
            this.telegram = telegram;
            this.sendQueue = sendQueue;
            this.json = json;
        }

        @Override
        public String kind() {
            return TASK;
        }

        @Override
        public void handle(JsonDocument payload) {
            var chat = settings.adminChatId();
            if (chat.isEmpty() || !telegram.configured()) {
                return;
            }
            String text = json.readTree(payload.json()).path("text").asString("");
            try {
                String html = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                sendQueue.send(chat.get(), SendQueue.Priority.NORMAL, () -> telegram.sendMessage(chat.get(), html));
            } catch (TelegramBotApi.Blocked | TelegramBotApi.Refused gone) {
                // The admin chat is misconfigured or the bot was removed from it; retrying can't help.
            }
        }
    }
}
