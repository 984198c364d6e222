package dev.darkmaximus.billing.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface OrderRepository extends ListCrudRepository<Order, Long> {

    @Query("SELECT * FROM orders WHERE customer_id = :customerId AND idempotency_key = :idempotencyKey")
    Optional<Order> findByIdempotencyKey(long customerId, String idempotencyKey);

    /** Moves an order between states only from the expected one; 0 = someone else already moved it. */
    @Modifying
    @Query("""
            UPDATE orders SET status = :to, updated_at = :at, version = version + 1,
                              paid_at = CASE WHEN :to = 'PAID' THEN :at ELSE paid_at END,
                              fulfilled_at = CASE WHEN :to = 'FULFILLED' THEN :at ELSE fulfilled_at END
            WHERE id = :id AND status = :from""")
    int transition(long id, String from, String to, Instant at);

    /**
     * Serialises requests with one customer's idempotency key for the rest of the transaction, so concurrent replays
     * wait for the first and then find its order.
     */
    @Query("""
            SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(7302,
                hashtext(CAST(:customerId AS text) || ':' || :idempotencyKey))) l""")
    int lockIdempotencyKey(long customerId, String idempotencyKey);

    @Query("SELECT * FROM orders WHERE id = :id FOR UPDATE")
    Optional<Order> findForUpdate(long id);

    /** Which key a paid new-key order produced. */
    @Modifying
    @Query("UPDATE orders SET key_id = :keyId, updated_at = :at, version = version + 1 WHERE id = :id")
    int setKey(long id, long keyId, Instant at);

    /** Paid orders waiting for this key to be delivered, to mark them fulfilled once it is. */
    @Modifying
    @Query("""
            UPDATE orders SET status = 'FULFILLED', fulfilled_at = :at, updated_at = :at, version = version + 1
            WHERE key_id = :keyId AND status = 'PAID'""")
    int fulfilByKey(long keyId, Instant at);

    @Query("""
            SELECT * FROM orders WHERE customer_id = :customerId
              AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
            ORDER BY id DESC LIMIT :limit""")
    List<Order> findByCustomer(long customerId, Long before, int limit);

    /** Unpaid orders past their expiry, for the order-expiry job. */
    @Query("SELECT * FROM orders WHERE status = 'OPEN' AND expires_at < :now ORDER BY expires_at LIMIT :limit")
    List<Order> findExpiredOpen(Instant now, int limit);
}
