package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface RefundRepository extends ListCrudRepository<Refund, Long> {

    /** The refund row locked: completing and failing it are decided once, however many callers race. */
    @Query("SELECT * FROM refunds WHERE id = :id FOR UPDATE")
    java.util.Optional<Refund> findForUpdate(long id);

    @Query("SELECT * FROM refunds WHERE payment_id = :paymentId ORDER BY id")
    List<Refund> findByPayment(long paymentId);
}
