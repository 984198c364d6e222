package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.Refund;
import dev.darkmaximus.platform.money.Currency;

/** A refund of (part of) a payment, to the payer through the provider or to the customer's balance. */
@Schema(name = "Refund", description = "A refund of (part of) a payment.")
public record RefundView(long id, long paymentId, long amountMinor, Currency currency, String providerRefundId,
                         String status, boolean toBalance, String reason, RefundKeyAction keyAction, String error,
                         Instant createdAt) {

    static RefundView from(Refund r) {
        return new RefundView(r.id(), r.paymentId(), r.amountMinor(), r.currency(), r.providerRefundId(),
                r.status().name(), r.toBalance(), r.reason(), r.keyAction(), r.error(), r.createdAt());
    }
}
