package dev.darkmaximus.support;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.support.persistence.SupportTicket;
import dev.darkmaximus.support.persistence.TicketMessage;

/** A support ticket with its messages, oldest first. */
@Schema(name = "Ticket")
public record TicketView(long id, long customerId, String subject, String status, Long assigneeId,
                         Long forumTopicId, Instant createdAt, Instant closedAt, List<Message> messages) {

    static TicketView from(SupportTicket t, List<TicketMessage> messages) {
        return new TicketView(t.id(), t.customerId(), t.subject(), t.status().name(), t.assigneeId(),
                t.forumTopicId(), t.createdAt(), t.closedAt(), messages.stream().map(Message::from).toList());
    }

    @Schema(name = "TicketMessage")
    public record Message(long id, String author, Long staffId, String text, List<String> fileIds, Instant createdAt) {

        static Message from(TicketMessage m) {
            return new Message(m.id(), m.author().name(), m.staffId(), m.text(),
                    m.fileIds() == null || m.fileIds().isBlank() ? List.of() : List.of(m.fileIds().split(",")),
                    m.createdAt());
        }
    }
}
