package dev.darkmaximus.billing;

/** The payment state machine (SPEC §5.3). */
public enum PaymentStatus {
    PENDING, WAITING_FOR_CAPTURE, SUCCEEDED, CANCELED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED;

    /** Money was received (and maybe partly returned). */
    public boolean paid() {
        return this == SUCCEEDED || this == REFUNDED || this == PARTIALLY_REFUNDED;
    }

    /** Still waiting for the customer or the provider. */
    public boolean open() {
        return this == PENDING || this == WAITING_FOR_CAPTURE;
    }
}
