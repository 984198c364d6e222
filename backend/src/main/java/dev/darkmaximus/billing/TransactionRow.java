package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.platform.money.Currency;

/** A payment in the admin's transactions list, with whose order it paid. */
@Schema(name = "Transaction", description = "A payment with its order and customer, for the transactions list.")
public record TransactionRow(long paymentId, long orderId, long customerId, long customerNumber, OrderKind orderKind,
                             OrderStatus orderStatus, PaymentMethod provider, String providerPaymentId,
                             long amountMinor, Currency currency, PaymentStatus status, long refundedMinor,
                             Instant createdAt, Instant succeededAt) {

    static TransactionRow from(MoneyQueries.PaymentRow r) {
        return new TransactionRow(r.id(), r.orderId(), r.customerId(), r.customerNumber(),
                OrderKind.valueOf(r.orderKind()), OrderStatus.valueOf(r.orderStatus()),
                PaymentMethod.valueOf(r.provider()), r.providerPaymentId(), r.amountMinor(),
                Currency.valueOf(r.currency()), PaymentStatus.valueOf(r.status()), r.refundedMinor(),
                r.createdAt().toInstant(), r.succeededAt() == null ? null : r.succeededAt().toInstant());
    }
}
