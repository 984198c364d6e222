package dev.darkmaximus.support.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A support conversation; at most one non-closed ticket per customer (a unique index enforces it). */
@Table("support_tickets")
public record SupportTicket(@Id Long id, long customerId, String subject, Status status, Long assigneeId,
                            Long forumTopicId, Instant lastCustomerMessageAt, Instant lastOperatorMessageAt,
                            Instant closedAt, @CreatedDate Instant createdAt, @LastModifiedDate Instant updatedAt,
                            @Version int version) {

    public enum Status { OPEN, WAITING_CUSTOMER, CLOSED }

    public static SupportTicket open(long customerId, String subject) {
        return new SupportTicket(null, customerId, subject, Status.OPEN, null, null, null, null, null, null, null, 0);
    }
}
