package dev.darkmaximus.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.outbox.OutboxService;
import dev.darkmaximus.support.persistence.SupportTicket;
import dev.darkmaximus.support.persistence.SupportTicketRepository;
import dev.darkmaximus.support.persistence.TicketMessage;
import dev.darkmaximus.support.persistence.TicketMessageRepository;

/**
 * Support tickets (SPEC §12): one open ticket per customer, which a new message joins; operator replies are
 * delivered to the customer through the outbox; every message is mirrored to the operators' forum topic when a
 * forum is configured. Callers: the chat bot, and the REST API for the Mini App and the admin UI.
 */
@Service
public class SupportService {

    /** Outbox: copy a message into the ticket's forum topic (creating the topic first). */
    public static final String MIRROR_TASK = "support.mirror";
    /** Outbox: deliver an operator's reply (or the closing notice) to the customer. */
    public static final String DELIVER_TASK = "support.deliver";
    static final int MAX_TEXT = 4000;

    private final SupportTicketRepository tickets;
    private final TicketMessageRepository messages;
    private final OutboxService outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    SupportService(SupportTicketRepository tickets, TicketMessageRepository messages, OutboxService outbox,
                   TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<TicketView> openTicket(long customerId) {
        return tickets.findOpenByCustomer(customerId).map(this::view);
    }

    /** A customer's tickets, newest first (the open one, if any, on top). */
    @Transactional(readOnly = true)
    public List<TicketView> ticketsOf(long customerId, int limit) {
        return tickets.findByCustomer(customerId, limit).stream().map(this::view).toList();
    }

    /** The ticket if it is this customer's; someone else's looks like one that doesn't exist. */
    @Transactional(readOnly = true)
    public TicketView getOwned(long customerId, long ticketId) {
        SupportTicket ticket = tickets.findById(ticketId).filter(t -> t.customerId() == customerId)
                .orElseThrow(() -> ApiException.notFound("ticket", ticketId));
        return view(ticket);
    }

    /** The customer closes their own ticket. */
    @Transactional
    public TicketView closeOwned(long customerId, long ticketId) {
        getOwned(customerId, ticketId);
        return close(ticketId, "customer");
    }

    @Transactional(readOnly = true)
    public TicketView get(long ticketId) {
        return view(load(ticketId));
    }

    /**
     * The customer writes: the message joins their open ticket, or opens one (its first words become the
     * subject). Two messages racing to open a ticket end up in the same one.
     */
    public TicketView customerWrites(long customerId, String text, List<String> fileIds) {
        String body = clean(text, fileIds);
        try {
            return transactions.execute(status -> write(customerId, body, fileIds));
        } catch (DuplicateKeyException raced) {
            return transactions.execute(status -> write(customerId, body, fileIds));
        }
    }

    private TicketView write(long customerId, String text, List<String> fileIds) {
        Instant now = clock.instant();
        SupportTicket ticket = tickets.findOpenByCustomer(customerId)
                .orElseGet(() -> tickets.save(SupportTicket.open(customerId, subject(text))));
        TicketMessage message = messages.save(new TicketMessage(null, ticket.id(), TicketMessage.Author.CUSTOMER, null,
                text, join(fileIds), now));
        tickets.save(new SupportTicket(ticket.id(), ticket.customerId(), ticket.subject(), SupportTicket.Status.OPEN,
                ticket.assigneeId(), ticket.forumTopicId(), now, ticket.lastOperatorMessageAt(), null,
                ticket.createdAt(), now, ticket.version()));
        mirror(ticket.id(), message.id());
        return view(load(ticket.id()));
    }

    /** An operator answers (from the admin UI or the forum topic); the customer gets it in the bot. */
    @Transactional
    public TicketView operatorReplies(long ticketId, Long staffId, String text, List<String> fileIds, boolean mirror) {
        String body = clean(text, fileIds);
        SupportTicket ticket = load(ticketId);
        if (ticket.status() == SupportTicket.Status.CLOSED) {
            throw ApiException.conflict("ticket_closed", "This ticket is closed.");
        }
        Instant now = clock.instant();
        TicketMessage message = messages.save(new TicketMessage(null, ticketId, TicketMessage.Author.OPERATOR, staffId,
                body, join(fileIds), now));
        tickets.save(new SupportTicket(ticket.id(), ticket.customerId(), ticket.subject(),
                SupportTicket.Status.WAITING_CUSTOMER, ticket.assigneeId() == null ? staffId : ticket.assigneeId(),
                ticket.forumTopicId(), ticket.lastCustomerMessageAt(), now, null, ticket.createdAt(), now,
                ticket.version()));
        outbox.enqueue(DELIVER_TASK, payload(Map.of("messageId", message.id())), "support.deliver:" + message.id());
        if (mirror) {
            mirror(ticketId, message.id());
        }
        return view(load(ticketId));
    }

    /** Either side closes the ticket; the other side is told. Closing a closed ticket changes nothing. */
    @Transactional
    public TicketView close(long ticketId, String closedBy) {
        SupportTicket ticket = load(ticketId);
        if (ticket.status() == SupportTicket.Status.CLOSED) {
            return view(ticket);
        }
        Instant now = clock.instant();
        tickets.save(new SupportTicket(ticket.id(), ticket.customerId(), ticket.subject(), SupportTicket.Status.CLOSED,
                ticket.assigneeId(), ticket.forumTopicId(), ticket.lastCustomerMessageAt(),
                ticket.lastOperatorMessageAt(), now, ticket.createdAt(), now, ticket.version()));
        String task = "customer".equals(closedBy) ? MIRROR_TASK : DELIVER_TASK;
        outbox.enqueue(task, payload(Map.of("ticketId", ticketId, "closed", true)), "support.closed:" + ticketId);
        return view(load(ticketId));
    }

    /** @param staffId who takes the ticket; null hands it back to the queue */
    @Transactional
    public TicketView assign(long ticketId, Long staffId) {
        SupportTicket t = load(ticketId);
        try {
            tickets.save(new SupportTicket(t.id(), t.customerId(), t.subject(), t.status(), staffId, t.forumTopicId(),
                    t.lastCustomerMessageAt(), t.lastOperatorMessageAt(), t.closedAt(), t.createdAt(),
                    clock.instant(), t.version()));
        } catch (DataIntegrityViolationException unknownStaff) {
            throw InvalidInputException.field("staffId", "unknown", "No staff member with this id.");
        }
        return view(load(ticketId));
    }

    @Transactional
    public void attachForumTopic(long ticketId, long topicId) {
        SupportTicket t = load(ticketId);
        if (t.forumTopicId() == null) {
            tickets.save(new SupportTicket(t.id(), t.customerId(), t.subject(), t.status(), t.assigneeId(), topicId,
                    t.lastCustomerMessageAt(), t.lastOperatorMessageAt(), t.closedAt(), t.createdAt(),
                    clock.instant(), t.version()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<TicketView> byForumTopic(long topicId) {
        return tickets.findByForumTopicId(topicId).map(this::view);
    }

    @Transactional(readOnly = true)
    public TicketView.Message message(long messageId) {
        return messages.findById(messageId).map(TicketView.Message::from)
                .orElseThrow(() -> ApiException.notFound("Ticket message", messageId));
    }

    @Transactional(readOnly = true)
    public long ticketOf(long messageId) {
        return messages.findById(messageId).map(TicketMessage::ticketId)
                .orElseThrow(() -> ApiException.notFound("Ticket message", messageId));
    }

    /** Open tickets whose customer has waited longer than {@code sla} for an answer. */
    @Transactional(readOnly = true)
    public List<TicketView> waitingLongerThan(Duration sla) {
        return tickets.findUnansweredSince(clock.instant().minus(sla)).stream().map(this::view).toList();
    }

    private void mirror(long ticketId, long messageId) {
        outbox.enqueue(MIRROR_TASK, payload(Map.of("ticketId", ticketId, "messageId", messageId)),
                "support.mirror:" + messageId);
    }

    private JsonDocument payload(Map<String, Object> values) {
        return new JsonDocument(json.writeValueAsString(values));
    }

    private TicketView view(SupportTicket ticket) {
        return TicketView.from(ticket, messages.findByTicket(ticket.id()));
    }

    private SupportTicket load(long id) {
        return tickets.findById(id).orElseThrow(() -> ApiException.notFound("Ticket", id));
    }

    private static String clean(String text, List<String> fileIds) {
        String body = text == null ? null : text.strip();
        if ((body == null || body.isEmpty()) && (fileIds == null || fileIds.isEmpty())) {
            throw InvalidInputException.field("text", "required", "Write a message or attach a photo.");
        }
        if (body != null && body.length() > MAX_TEXT) {
            throw InvalidInputException.field("text", "too_long", "At most " + MAX_TEXT + " characters.");
        }
        return body == null || body.isEmpty() ? null : body;
    }

    private static String subject(String text) {
        if (text == null) {
            return null;
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    private static String join(List<String> fileIds) {
        return fileIds == null || fileIds.isEmpty() ? null : String.join(",", fileIds);
    }
}
