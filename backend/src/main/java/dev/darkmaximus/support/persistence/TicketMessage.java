package dev.darkmaximus.support.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One message in a ticket; attachments are Telegram file ids, comma-separated. */
@Table("ticket_messages")
public record TicketMessage(@Id Long id, long ticketId, Author author, Long staffId, String text, String fileIds,
                            Instant createdAt) {

    public enum Author { CUSTOMER, OPERATOR }
}
