package dev.darkmaximus.billing;

/** The payment state machine (SPEC §5.3). */
public enum PaymentStatus {
    PENDING, WAITING_FOR_CAPTURE, SUCCEEDED, CANCELED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED;

    /**
     * The statuses of {@link #paid()} as an SQL list ({@code 'SUCCEEDED', …}), so every query that means "money was
     * received" (reports, the daily summary, broadcast audiences) uses this one definition.
     */
    public static final String PAID_SQL = java.util.Arrays.stream(values()).filter(PaymentStatus::paid)
            .map(status -> "'" + status.name() + "'").collect(java.util.stream.Collectors.joining(", "));

    /** Money was received (and maybe partly returned). */
    public boolean paid() {
        return this == SUCCEEDED || this == REFUNDED || this == PARTIALLY_REFUNDED;
    }

    /** Still waiting for the customer or the provider. */
    public boolean open() {
        return this == PENDING || this == WAITING_FOR_CAPTURE;
    }
}
