package dev.darkmaximus.billing;

import dev.darkmaximus.platform.db.SqlLists;

/** The payment state machine (SPEC §5.3). */
public enum PaymentStatus {
    PENDING, WAITING_FOR_CAPTURE, SUCCEEDED, CANCELED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED;

    /**
     * The statuses of {@link #paid()} as an SQL list ({@code 'SUCCEEDED', …}), so every query that means "money was
     * received" (reports, the daily summary, broadcast audiences) uses this one definition.
     */
    public static final String PAID_SQL = SqlLists.of(PaymentStatus.class, PaymentStatus::paid);

    /** Money was received (and maybe partly returned). */
    public boolean paid() {
        return this == SUCCEEDED || this == REFUNDED || this == PARTIALLY_REFUNDED;
    }

    /** Still waiting for the customer or the provider. */
    public boolean open() {
        return this == PENDING || this == WAITING_FOR_CAPTURE;
    }

    /** What an observation of {@code observed} does to a payment in this status. */
    public enum Move { MOVE, SAME, REFUSE }

    /**
     * The state machine in one place. Forward only: success is accepted from any unpaid state (a verified success
     * after our own expiry is still money received) and is a no-op once paid (refunded included: a late "succeeded"
     * never undoes a refund); waiting-for-capture only from pending; canceled and expired only while open. Refunds
     * are never moved to by an observation; the refund flow books them.
     */
    public Move onObserved(PaymentStatus observed) {
        if (this == observed || (paid() && observed == SUCCEEDED)) {
            return Move.SAME;
        }
        boolean allowed = switch (observed) {
            case SUCCEEDED -> !paid();
            case WAITING_FOR_CAPTURE -> this == PENDING;
            case CANCELED, EXPIRED -> open();
            case REFUNDED, PARTIALLY_REFUNDED, PENDING -> false;
        };
        return allowed ? Move.MOVE : Move.REFUSE;
    }
}
