package dev.darkmaximus.bot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.auth.StaffService;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.SendQueue;
import dev.darkmaximus.platform.telegram.TelegramBotApi;
import dev.darkmaximus.support.SupportService;
import dev.darkmaximus.support.TicketView;

/**
 * Support between the customer's chat and the operators' forum group (SPEC §12): each ticket gets a topic, the
 * customer's messages are copied into it, an operator's reply in the topic goes back to the customer (and
 * {@code /close} there closes the ticket). Both directions run through the outbox, so an outage delays a message
 * but never loses it. Operator-facing texts are in the shop's language (Russian).
 */
@Component
class ForumRelay {

    private static final String OPERATOR_LANGUAGE = "ru";

    private final SupportService support;
    private final CustomerService customers;
    private final StaffService staff;
    private final ShopSettings settings;
    private final Templates templates;
    private final BotApiClient api;
    private final SendQueue sendQueue;
    private final JsonMapper json;

    ForumRelay(SupportService support, CustomerService customers, StaffService staff, ShopSettings settings,
               Templates templates, BotApiClient api, SendQueue sendQueue, JsonMapper json) {
        this.support = support;
        this.customers = customers;
        this.staff = staff;
        this.settings = settings;
        this.templates = templates;
        this.api = api;
        this.sendQueue = sendQueue;
        this.json = json;
    }

    boolean isForum(long chatId) {
        return settings.supportForumId().map(id -> id == chatId).orElse(false);
    }

    /** A message in the forum group: a reply in a ticket's topic, or {@code /close}. Anything else is chat. */
    void operatorWrote(Message message) {
        if (!message.isTopicMessage() || message.getMessageThreadId() == null) {
            return;
        }
        int topic = message.getMessageThreadId();
        Optional<TicketView> ticket = support.byForumTopic(topic);
        if (ticket.isEmpty()) {
            return;
        }
        String text = message.hasText() ? message.getText() : message.getCaption();
        if (text != null && text.strip().toLowerCase(Locale.ROOT).startsWith("/close")) {
            support.close(ticket.get().id(), "operator");
            toTopic(topic, operatorText("forum.closed_here", Map.of()));
            return;
        }
        Long staffId = staff.activeByTelegramId(message.getFrom().getId()).map(StaffService.StaffMember::id)
                .orElse(null);
        try {
            support.operatorReplies(ticket.get().id(), staffId, text, photos(message), false);
        } catch (ApiException closed) {
            toTopic(topic, operatorText("forum.ticket_closed", Map.of()));
        }
    }

    static List<String> photos(Message message) {
        return message.hasPhoto() ? List.of(message.getPhoto().getLast().getFileId()) : List.of();
    }

    @Component
    static class Mirror implements OutboxHandler {

        private final ForumRelay relay;

        Mirror(ForumRelay relay) {
            this.relay = relay;
        }

        @Override
        public String kind() {
            return SupportService.MIRROR_TASK;
        }

        @Override
        public void handle(JsonDocument payload) {
            relay.mirror(relay.json.readTree(payload.json()));
        }
    }

    @Component
    static class Deliver implements OutboxHandler {

        private final ForumRelay relay;

        Deliver(ForumRelay relay) {
            this.relay = relay;
        }

        @Override
        public String kind() {
            return SupportService.DELIVER_TASK;
        }

        @Override
        public void handle(JsonDocument payload) {
            relay.deliver(relay.json.readTree(payload.json()));
        }
    }

    private void mirror(JsonNode payload) {
        if (settings.supportForumId().isEmpty() || !api.configured()) {
            return;
        }
        TicketView ticket = support.get(payload.path("ticketId").asLong());
        CustomerView customer = customers.get(ticket.customerId());
        int topic = ticket.forumTopicId() != null ? ticket.forumTopicId().intValue() : openTopic(ticket, customer);
        if (payload.path("closed").asBoolean(false)) {
            toTopic(topic, operatorText("forum.closed", Map.of()));
            return;
        }
        TicketView.Message message = support.message(payload.path("messageId").asLong());
        String body = message.text() == null ? "" : message.text();
        String text = "CUSTOMER".equals(message.author())
                ? operatorText("forum.customer", Map.of("name", name(customer), "number", Long.toString(customer.number()),
                "username", customer.username() == null ? "—" : customer.username(), "text", body))
                : operatorText("forum.operator", Map.of("text", body));
        toTopic(topic, text);
        for (String fileId : message.fileIds()) {
            long forum = settings.supportForumId().get();
            queued(forum, () -> api.execute(SendPhoto.builder().chatId(forum).messageThreadId(topic)
                    .photo(new InputFile(fileId)).build()));
        }
    }

    private int openTopic(TicketView ticket, CustomerView customer) {
        String name = operatorText("forum.topic", Map.of("number", Long.toString(customer.number()),
                "name", name(customer), "ticket", Long.toString(ticket.id())));
        long forum = settings.supportForumId().get();
        int topic = queued(forum, () -> api.execute(CreateForumTopic.builder().chatId(forum)
                .name(name.length() > 128 ? name.substring(0, 128) : name).build())).getMessageThreadId();
        support.attachForumTopic(ticket.id(), topic);
        return topic;
    }

    private void deliver(JsonNode payload) {
        boolean closed = payload.path("closed").asBoolean(false);
        long ticketId = closed ? payload.path("ticketId").asLong() : support.ticketOf(payload.path("messageId").asLong());
        TicketView ticket = support.get(ticketId);
        CustomerView customer = customers.get(ticket.customerId());
        if (!customer.reachable() || !api.configured()) {
            return;
        }
        try {
            if (closed) {
                send(customer, templates.render("bot.support.closed", customer.language(),
                        Map.of("ticket", Long.toString(ticketId))));
                return;
            }
            TicketView.Message message = support.message(payload.path("messageId").asLong());
            if (message.text() != null) {
                send(customer, templates.render("bot.support.reply", customer.language(),
                        Map.of("ticket", Long.toString(ticketId), "text", message.text())));
            }
            for (String fileId : message.fileIds()) {
                queued(customer.telegramId(), () -> api.execute(SendPhoto.builder().chatId(customer.telegramId())
                        .photo(new InputFile(fileId)).build()));
            }
        } catch (TelegramBotApi.Blocked blocked) {
            customers.markUnreachable(customer.id());
        }
    }

    private void send(CustomerView customer, String html) {
        queued(customer.telegramId(), () -> api.execute(SendMessage.builder().chatId(customer.telegramId()).text(html)
                .parseMode("HTML").build()));
    }

    private void toTopic(int topic, String html) {
        long forum = settings.supportForumId().orElseThrow();
        queued(forum, () -> api.execute(SendMessage.builder().chatId(forum).messageThreadId(topic)
                .text(html).parseMode("HTML").build()));
    }

    /** Support is what a waiting person reads next, so it goes ahead of reminders and broadcasts. */
    private <T> T queued(long chatId, Supplier<T> send) {
        return sendQueue.send(chatId, SendQueue.Priority.URGENT, send);
    }

    private String operatorText(String key, Map<String, String> params) {
        return templates.render("bot." + key, OPERATOR_LANGUAGE, new HashMap<>(params));
    }

    private static String name(CustomerView customer) {
        String name = ((customer.firstName() == null ? "" : customer.firstName()) + " "
                + (customer.lastName() == null ? "" : customer.lastName())).strip();
        return name.isEmpty() ? "—" : name;
    }
}
