package dev.darkmaximus.notify;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.notify.persistence.NotificationRepository;
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
    private final JsonMapper json;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, OutboxService outbox, Templates templates,
                        JsonMapper json, Clock clock) {
        this.notifications = notifications;
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

    @Transactional(readOnly = true)
    public boolean exists(String dedupKey) {
        return notifications.existsByDedupKey(dedupKey);
    }
}
