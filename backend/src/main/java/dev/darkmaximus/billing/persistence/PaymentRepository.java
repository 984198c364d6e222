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

    @Query("SELECT * FROM payments WHERE id = :id FOR UPDATE")
    Optional<Payment> findForUpdate(long id);

    @Query("SELECT * FROM payments WHERE order_id = :orderId ORDER BY id")
    List<Payment> findByOrder(long orderId);

    /** Moves a payment from the status the caller saw under its row lock, recording the provider's view of it. */
    @Modifying
    @Query("""
            UPDATE payments SET status = :to, updated_at = :at, version = version + 1,
                   succeeded_at = CASE WHEN :to = 'SUCCEEDED' THEN :at ELSE succeeded_at END,
                   provider_payment_id = COALESCE(provider_payment_id, :providerPaymentId),
                   provider_snapshot = COALESCE(CAST(:snapshot AS jsonb), provider_snapshot)
            WHERE id = :id AND status = :from""")
    int move(long id, String from, String to, String providerPaymentId, String snapshot, Instant at);

    /** What the provider said when the payment was started: its id and where the customer pays. */
    @Modifying
    @Query("""
            UPDATE payments SET provider_payment_id = :providerPaymentId, confirmation_url = :confirmationUrl,
                   provider_snapshot = CAST(:snapshot AS jsonb), updated_at = :at, version = version + 1
            WHERE id = :id""")
    int attach(long id, String providerPaymentId, String confirmationUrl, String snapshot, Instant at);

    @Modifying
    @Query("UPDATE payments SET updated_at = :at WHERE id = :id")
    int touch(long id, Instant at);

    /** Adds a refunded amount; the status follows (fully or partly refunded). Refuses more than was paid. */
    @Modifying
    @Query("""
            UPDATE payments SET refunded_minor = refunded_minor + :amount, updated_at = :at, version = version + 1,
                   status = CASE WHEN refunded_minor + :amount = amount_minor THEN 'REFUNDED'
                                 ELSE 'PARTIALLY_REFUNDED' END
            WHERE id = :id AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AND refunded_minor + :amount <= amount_minor""")
    int addRefunded(long id, long amount, Instant at);

    /** Payments still pending after {@code olderThan}, for the reconciliation job. */
    @Query("""
            SELECT * FROM payments WHERE status IN ('PENDING', 'WAITING_FOR_CAPTURE') AND created_at < :olderThan
              AND provider_payment_id IS NOT NULL
            ORDER BY updated_at LIMIT :limit""")
    List<Payment> findStuck(Instant olderThan, int limit);

    /** A provider's payments that succeeded within [from, to), for the daily reconciliation. */
    @Query("""
            SELECT * FROM payments WHERE provider = :provider AND succeeded_at >= :from AND succeeded_at < :to
            ORDER BY id""")
    List<Payment> findSucceededBetween(String provider, Instant from, Instant to);
}
