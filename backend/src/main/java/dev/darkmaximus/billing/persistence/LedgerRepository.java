package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Append-only: entries are inserted, never updated or deleted. */
public interface LedgerRepository extends ListCrudRepository<LedgerEntry, Long> {

    @Query("""
            SELECT * FROM balance_entries WHERE customer_id = :customerId
              AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
            ORDER BY id DESC LIMIT :limit""")
    List<LedgerEntry> findStatement(long customerId, Long before, int limit);

    /**
     * What a payment put on the customer's main balance and is still there as its money: a second payment for a
     * paid order (referenced by the payment), or the paying payment's order lines (a top-up, an extension for a
     * revoked key; a purchase through a provider credits and spends the same amount), less what refunds to the
     * card took back.
     */
    @Query("""
            SELECT COALESCE(SUM(e.amount_minor), 0) FROM balance_entries e
            JOIN balance_accounts a ON a.id = e.account_id AND a.account = 'MAIN'
            WHERE e.customer_id = :customerId AND (
                  (e.reference_type = 'payment' AND e.reference_id = :paymentId)
               OR (:paidTheOrder AND e.reference_type = 'order' AND e.reference_id = :orderId
                   AND e.kind IN ('TOP_UP', 'PURCHASE'))
               OR (e.kind = 'REFUND' AND e.reference_type IN ('refund', 'refund-undo') AND e.reference_id IN (
                   SELECT r.id FROM refunds r WHERE r.payment_id = :paymentId AND NOT r.to_balance)))""")
    long balanceCreditLeft(long customerId, long paymentId, long orderId, boolean paidTheOrder);

    /** Whether a ledger line references the payment itself (it went to the balance as a second payment). */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM balance_entries
                           WHERE reference_type = 'payment' AND reference_id = :paymentId)""")
    boolean creditedAsPayment(long paymentId);

    /** The promo code's balance bonus an order's payment credited (0 when none). */
    @Query("""
            SELECT COALESCE(SUM(amount_minor), 0) FROM balance_entries
            WHERE kind = 'PROMO_BONUS' AND reference_type = 'order' AND reference_id = :orderId""")
    long promoBonusOf(long orderId);

    /** How much of an order's promo bonus its refunds took back so far. */
    @Query("""
            SELECT COALESCE(-SUM(e.amount_minor), 0) FROM balance_entries e
            WHERE e.kind = 'PROMO_BONUS' AND e.reference_type = 'bonus-refund' AND e.reference_id IN (
                SELECT r.id FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = :orderId)""")
    long promoBonusTakenBack(long orderId);

    /** What a refund to the card took from the balance and hasn't given back yet. */
    @Query("""
            SELECT COALESCE(-SUM(amount_minor), 0) FROM balance_entries
            WHERE kind = 'REFUND' AND reference_type IN ('refund', 'refund-undo') AND reference_id = :refundId""")
    long heldByRefund(long refundId);
}
