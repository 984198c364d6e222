package dev.darkmaximus.support.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface TicketMessageRepository extends ListCrudRepository<TicketMessage, Long> {

    @Query("SELECT * FROM ticket_messages WHERE ticket_id = :ticketId ORDER BY id")
    List<TicketMessage> findByTicket(long ticketId);
}
