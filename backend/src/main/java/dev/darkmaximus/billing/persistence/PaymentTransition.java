package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The record of one payment status change and what caused it (webhook, poll, admin, balance service). */
@Table("payment_transitions")
public record PaymentTransition(@Id Long id, long paymentId, String fromStatus, String toStatus, String source,
                                String detail, Instant createdAt) {

    public static PaymentTransition of(long paymentId, String from, String to, String source, String detail,
                                       Instant at) {
        return new PaymentTransition(null, paymentId, from, to, source, detail, at);
    }
}
