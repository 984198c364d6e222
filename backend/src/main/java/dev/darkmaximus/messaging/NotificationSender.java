package dev.darkmaximus.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.persistence.Notification;
import dev.darkmaximus.messaging.persistence.NotificationRepository;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.telegram.SendQueue;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Delivers one queued notification through the bot. A customer who blocked the bot is marked unreachable and the
 * message skipped; a flood limit or Telegram outage is retried by the outbox; a message already sent is not sent
 * again.
 */
@Component
class NotificationSender implements OutboxHandler {

    private final NotificationRepository notifications;
    private final CustomerService customers;
    private final Templates templates;
    private final TelegramBotApi telegram;
    private final SendQueue sendQueue;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<NotificationDelivery> deliveries;

    NotificationSender(NotificationRepository notifications, CustomerService customers, Templates templates,
                       TelegramBotApi telegram, SendQueue sendQueue, JsonMapper json, Clock clock,
                       MeterRegistry meters, List<NotificationDelivery> deliveries) {
        this.meters = meters;
        this.deliveries = deliveries;
        meters.counter("dm.telegram.blocked"); // from 0, for increase()
        this.notifications = notifications;
        this.customers = customers;
        this.templates = templates;
        this.telegram = telegram;
        this.sendQueue = sendQueue;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return NotificationService.SEND_TASK;
    }

    @Override
    public void handle(JsonDocument payload) {
        long id = json.readTree(payload.json()).path("notificationId").asLong();
        Notification notification = notifications.findById(id).orElse(null);
        if (notification == null || notification.status() == Notification.Status.SENT
                || notification.status() == Notification.Status.SKIPPED) {
            return;
        }
        CustomerView customer = customers.get(notification.customerId());
        if (!customer.reachable()) {
            notifications.record(id, "SKIPPED", "customer unreachable (bot blocked)", clock.instant());
            return;
        }
        if (!telegram.configured()) {
            notifications.record(id, "SKIPPED", "Telegram bot not configured", clock.instant());
            return;
        }
        Map<String, String> params = json.readValue(notification.params().json(), new TypeReference<>() { });
        String text = templates.render(notification.templateKey(), customer.language(), params);
        NotificationDelivery delivery = deliveries.stream().filter(d -> d.handles(notification.templateKey()))
                .findFirst().orElse(null);
        try {
            sendQueue.send(customer.telegramId(), priorityOf(notification.templateKey()), () -> {
                if (delivery == null) {
                    telegram.sendMessage(customer.telegramId(), text);
                } else {
                    delivery.deliver(customer, notification.templateKey(), params);
                }
                return true;
            });
            notifications.record(id, "SENT", null, clock.instant());
        } catch (TelegramBotApi.Blocked blocked) {
            meters.counter("dm.telegram.blocked").increment();
            customers.markUnreachable(customer.id());
            notifications.record(id, "SKIPPED", "blocked: " + blocked.getMessage(), clock.instant());
        } catch (TelegramBotApi.Refused refused) {
            notifications.record(id, "FAILED", refused.getMessage(), clock.instant());
        }
    }

    /** Reminders can wait behind what a customer is waiting for right now (a paid key, a refund, a reply). */
    private static SendQueue.Priority priorityOf(String templateKey) {
        return templateKey.startsWith("key.expir") || templateKey.startsWith("key.will") ? SendQueue.Priority.NORMAL
                : SendQueue.Priority.URGENT;
    }
}
