package dev.darkmaximus.support.persistence;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SupportTicketRepository extends ListCrudRepository<SupportTicket, Long> {

    @Query("SELECT * FROM support_tickets WHERE customer_id = :customerId AND status <> 'CLOSED'")
    Optional<SupportTicket> findOpenByCustomer(long customerId);
}
