package dev.darkmaximus.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.support.persistence.TicketQueueQueries;

/**
 * The operators' side of support in the admin UI: the queue, taking a ticket, answering and closing it. Each of
 * these is audited under the staff member; the conversation itself stays in {@link SupportService}.
 */
@Service
public class SupportDesk {

    private final SupportService support;
    private final TicketQueueQueries queue;
    private final AuditService audit;

    SupportDesk(SupportService support, TicketQueueQueries queue, AuditService audit) {
        this.support = support;
        this.queue = queue;
        this.audit = audit;
    }

    public enum Filter {
        /** Not closed: the customer waits for us, or we wait for the customer. */
        ACTIVE(List.of("OPEN", "WAITING_CUSTOMER")),
        /** The customer waits for an answer. */
        OPEN(List.of("OPEN")),
        WAITING_CUSTOMER(List.of("WAITING_CUSTOMER")),
        CLOSED(List.of("CLOSED")),
        ALL(List.of("OPEN", "WAITING_CUSTOMER", "CLOSED"));

        private final List<String> statuses;

        Filter(List<String> statuses) {
            this.statuses = statuses;
        }
    }

    /** @param assigneeId only tickets taken by this staff member; with {@code unassigned}, only nobody's */
    @Transactional(readOnly = true)
    public QueueSlice queue(Filter filter, Long assigneeId, boolean unassigned, Long customerId, int limit,
                            Long startingAfter) {
        List<QueuedTicket> rows = queue.page(filter.statuses, assigneeId, unassigned, customerId, startingAfter,
                limit + 1).stream().map(QueuedTicket::from).toList();
        return new QueueSlice(rows.stream().limit(limit).toList(), rows.size() > limit);
    }

    @Transactional(readOnly = true)
    public TicketView get(long ticketId) {
        return support.get(ticketId);
    }

    /** The answer goes to the customer in the bot and, when a forum is set, into the ticket's topic. */
    @Transactional
    public TicketView reply(long ticketId, Long staffId, String text) {
        TicketView after = support.operatorReplies(ticketId, staffId, text, List.of(), true);
        TicketView.Message sent = after.messages().getLast();
        audit.record("ticket.reply", "ticket", ticketId, null, Map.of("messageId", sent.id()));
        return after;
    }

    /** @param staffId who takes the ticket; null hands it back to the queue */
    @Transactional
    public TicketView assign(long ticketId, Long staffId) {
        TicketView before = support.get(ticketId);
        TicketView after = support.assign(ticketId, staffId);
        if (!Objects.equals(before.assigneeId(), staffId)) {
            audit.record("ticket.assign", "ticket", ticketId, assignee(before), assignee(after));
        }
        return after;
    }

    @Transactional
    public TicketView close(long ticketId) {
        TicketView before = support.get(ticketId);
        TicketView after = support.close(ticketId, "operator");
        if (!before.status().equals(after.status())) {
            audit.record("ticket.close", "ticket", ticketId, Map.of("status", before.status()),
                    Map.of("status", after.status()));
        }
        return after;
    }

    private static Map<String, Object> assignee(TicketView ticket) {
        return ticket.assigneeId() == null ? Map.of() : Map.of("assigneeId", ticket.assigneeId());
    }

    public record QueueSlice(List<QueuedTicket> tickets, boolean hasMore) {
    }

    /** A ticket as a queue row: who, about what, and who waits since when. */
    @Schema(name = "QueuedTicket")
    public record QueuedTicket(long id, long customerId, String customerName, String subject, String status,
                               Long assigneeId, String assigneeName, int messageCount,
                               Instant lastCustomerMessageAt, Instant lastOperatorMessageAt, Instant updatedAt,
                               Instant createdAt) {

        static QueuedTicket from(TicketQueueQueries.QueueRow row) {
            String name = row.customerUsername() != null ? "@" + row.customerUsername()
                    : row.customerFirstName() != null ? row.customerFirstName() : "#" + row.customerId();
            return new QueuedTicket(row.id(), row.customerId(), name, row.subject(), row.status(), row.assigneeId(),
                    row.assigneeName(), row.messageCount(), row.lastCustomerMessageAt(), row.lastOperatorMessageAt(),
                    row.updatedAt(), row.createdAt());
        }
    }
}
