package dev.darkmaximus.billing.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PaymentRepository extends ListCrudRepository<Payment, Long> {

    @Query("SELECT * FROM payments WHERE provider = :provider AND provider_payment_id = :providerPaymentId")
    Optional<Payment> findByProviderPaymentId(String provider, String providerPaymentId);

    /**
     * The only way a payment becomes succeeded: a compare-and-set from a pending state. A duplicate or concurrent
     * webhook finds it already succeeded and gets 0, so it credits nothing.
     */
    @Modifying
    @Query("""
            UPDATE payments SET status = 'SUCCEEDED', succeeded_at = :at, updated_at = :at, version = version + 1
            WHERE provider = :provider AND provider_payment_id = :providerPaymentId
              AND status IN ('PENDING', 'WAITING_FOR_CAPTURE')""")
    int markSucceeded(String provider, String providerPaymentId, Instant at);

    /** Cancels or expires a payment that hasn't succeeded; a late "canceled" after success changes nothing. */
    @Modifying
    @Query("""
            UPDATE payments SET status = :to, updated_at = :at, version = version + 1
            WHERE id = :id AND status IN ('PENDING', 'WAITING_FOR_CAPTURE')""")
    int close(long id, String to, Instant at);

    /** Payments still pending after {@code olderThan}, for the reconciliation job. */
    @Query("""
            SELECT * FROM payments WHERE status IN ('PENDING', 'WAITING_FOR_CAPTURE') AND created_at < :olderThan
            ORDER BY created_at LIMIT :limit""")
    List<Payment> findStuck(Instant olderThan, int limit);
}
