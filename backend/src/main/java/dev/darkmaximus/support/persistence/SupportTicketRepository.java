package dev.darkmaximus.support.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SupportTicketRepository extends ListCrudRepository<SupportTicket, Long> {

    @Query("SELECT * FROM support_tickets WHERE customer_id = :customerId AND status <> 'CLOSED'")
    Optional<SupportTicket> findOpenByCustomer(long customerId);

    Optional<SupportTicket> findByForumTopicId(long forumTopicId);

    @Query("SELECT * FROM support_tickets WHERE customer_id = :customerId ORDER BY id DESC LIMIT :limit")
    List<SupportTicket> findByCustomer(long customerId, int limit);

    @Query("""
            SELECT * FROM support_tickets
            WHERE status = 'OPEN' AND last_customer_message_at < :before
              AND (last_operator_message_at IS NULL OR last_operator_message_at < last_customer_message_at)
            ORDER BY last_customer_message_at""")
    List<SupportTicket> findUnansweredSince(Instant before);
}
