package dev.darkmaximus.messaging;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.messaging.persistence.Notification;

/** A message queued to a customer and what became of it. */
@Schema(name = "Notification")
public record NotificationView(long id, String kind, String templateKey,
                               @Schema(description = "QUEUED, SENT, FAILED or SKIPPED (the customer blocked the bot).")
                               String status, int attempts, String error, Instant createdAt, Instant sentAt) {

    static NotificationView from(Notification n) {
        return new NotificationView(n.id(), n.kind(), n.templateKey(), n.status().name(), n.attempts(), n.error(),
                n.createdAt(), n.sentAt());
    }
}
