package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.billing.RefundKeyAction;
import dev.darkmaximus.platform.money.Currency;

/** A full or partial refund of a payment, to the provider or to the customer's balance. */
@Table("refunds")
public record Refund(@Id Long id, long paymentId, long amountMinor, Currency currency, String providerRefundId,
                     Status status, boolean toBalance, String reason, RefundKeyAction keyAction, String error, Long createdBy, @CreatedDate Instant createdAt,
                     @LastModifiedDate Instant updatedAt) {

    public enum Status { PENDING, SUCCEEDED, FAILED }
}
