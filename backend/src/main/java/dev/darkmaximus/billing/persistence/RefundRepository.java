package dev.darkmaximus.billing.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface RefundRepository extends ListCrudRepository<Refund, Long> {

    /** The refund row locked: completing and failing it are decided once, however many callers race. */
    @Query("SELECT * FROM refunds WHERE id = :id FOR UPDATE")
    Optional<Refund> findForUpdate(long id);

    /** Refunds the provider accepted but hadn't finished when it answered (YooKassa's "pending"). */
    @Query("SELECT * FROM refunds WHERE status = 'PENDING' AND provider_refund_id IS NOT NULL ORDER BY id LIMIT :limit")
    List<Refund> findPendingAtProvider(int limit);

    @Query("SELECT * FROM refunds WHERE payment_id = :paymentId ORDER BY id")
    List<Refund> findByPayment(long paymentId);
}
