package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PaymentTransitionRepository extends ListCrudRepository<PaymentTransition, Long> {

    @Query("SELECT * FROM payment_transitions WHERE payment_id = :paymentId ORDER BY id")
    List<PaymentTransition> findByPayment(long paymentId);
}
