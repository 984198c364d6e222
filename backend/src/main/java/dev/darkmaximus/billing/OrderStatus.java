package dev.darkmaximus.billing;

import dev.darkmaximus.platform.db.SqlLists;

/** Where an order is: open (unpaid) → paid → fulfilled (key delivered or balance credited); or expired, canceled, refunded. */
public enum OrderStatus {
    OPEN, PAID, FULFILLED, EXPIRED, CANCELED, REFUNDED;

    /** The statuses of {@link #wasPaid()} as an SQL list, for reports that ask "did this customer ever pay". */
    public static final String WAS_PAID_SQL = SqlLists.of(OrderStatus.class, OrderStatus::wasPaid);

    /** The order's money came in at some point (a refund later doesn't undo that it was bought). */
    public boolean wasPaid() {
        return this == PAID || this == FULFILLED || this == REFUNDED;
    }
}
