package dev.darkmaximus.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.messaging.persistence.NotificationRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxService;

/**
 * Queues messages to customers. A notification and the outbox task that sends it are written in the caller's
 * transaction; a dedup key (e.g. {@code expiry:<key>:<expiry>:<offset>}) makes a repeat a no-op, even when two
 * nodes queue the same reminder at the same moment.
 */
@Service
public class NotificationService {

    static final String SEND_TASK = "notification.send";

    private final NotificationRepository notifications;
    private final OutboxService outbox;
    private final Templates templates;
    private final CustomerService customers;
    private final AuditService audit;
    private final JsonMapper json;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, OutboxService outbox, Templates templates,
                        CustomerService customers, AuditService audit, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.customers = customers;
        this.audit = audit;
        this.outbox = outbox;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    /** Returns the new notification's id, or empty when one with this dedup key already exists. */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<Long> queue(long customerId, String kind, String templateKey, Map<String, String> params,
                                String dedupKey) {
        if (!templates.exists(templateKey)) {
            throw new IllegalArgumentException("unknown template " + templateKey);
        }
        Optional<Long> id = notifications.insertUnlessDuplicate(customerId, kind, templateKey,
                json.writeValueAsString(params), dedupKey, clock.instant());
        id.ifPresent(created -> outbox.enqueue(SEND_TASK,
                new JsonDocument(json.writeValueAsString(Map.of("notificationId", created))),
                "notification:" + created));
        return id;
    }

    /**
     * A staff member writes to one customer in the bot (operators may: SPEC §10). Sent like any notification, so it
     * waits out flood limits and is recorded on the customer's card; audited with its text.
     */
    @Transactional
    public NotificationView staffMessage(long customerId, String text) {
        customers.get(customerId);
        String body = text.strip();
        long id = queue(customerId, Templates.STAFF_MESSAGE, Templates.STAFF_MESSAGE, Map.of("text", body),
                Templates.STAFF_MESSAGE + ":" + UUID.randomUUID()).orElseThrow();
        audit.record("customer.message", "customer", customerId, null, Map.of("notificationId", id, "text", body));
        return notifications.findById(id).map(NotificationView::from).orElseThrow();
    }

    /** The customer's latest notifications, newest first, for their card in the admin UI. */
    @Transactional(readOnly = true)
    public List<NotificationView> recentOf(long customerId, int limit) {
        customers.get(customerId);
        return notifications.findRecent(customerId, limit).stream().map(NotificationView::from).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String dedupKey) {
        return notifications.existsByDedupKey(dedupKey);
    }
}
