package dev.darkmaximus.billing.persistence;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PromoCodeRepository extends ListCrudRepository<PromoCode, Long> {

    @Query("SELECT * FROM promo_codes WHERE lower(code) = lower(:code)")
    Optional<PromoCode> findByCode(String code);

    /** Locks the code's row: orders opened with one code at once are counted one after the other. */
    @Query("SELECT * FROM promo_codes WHERE id = :id FOR UPDATE")
    Optional<PromoCode> lockById(long id);

    /**
     * Orders still open with this code whose payment can still succeed: each holds one use until it is paid, expires
     * or is canceled. An order whose payment was declined or canceled holds nothing.
     */
    @Query("""
            SELECT count(*) FROM orders o WHERE o.promo_code_id = :id AND o.status = 'OPEN'
              AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id
                          AND p.status IN ('PENDING', 'WAITING_FOR_CAPTURE'))""")
    int openOrders(long id);

    @Query("""
            SELECT count(*) FROM orders o WHERE o.promo_code_id = :id AND o.customer_id = :customerId
              AND o.status = 'OPEN' AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id
                                                AND p.status IN ('PENDING', 'WAITING_FOR_CAPTURE'))""")
    int openOrdersOf(long id, long customerId);

    /** Takes one use within the total limit atomically; 0 = the limit was reached in between (SPEC §5.4). */
    @Modifying
    @Query("""
            UPDATE promo_codes SET times_used = times_used + 1, version = version + 1
            WHERE id = :id AND (total_limit IS NULL OR times_used < total_limit)""")
    int takeUse(long id);
}
