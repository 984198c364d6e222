package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.money.Currency;

/** One attempt to pay an order with a provider. Status moves only through {@link PaymentRepository} transitions. */
@Table("payments")
public record Payment(
        @Id Long id,
        long orderId,
        PaymentMethod provider,
        String providerPaymentId,
        long amountMinor,
        Currency currency,
        PaymentStatus status,
        long refundedMinor,
        String confirmationUrl,
        JsonDocument providerSnapshot,
        Instant succeededAt,
        Long payerTelegramId,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {


    public static Payment pending(long orderId, PaymentMethod provider, String providerPaymentId, long amountMinor,
                                  Currency currency) {
        return new Payment(null, orderId, provider, providerPaymentId, amountMinor, currency, PaymentStatus.PENDING, 0,
                null, null, null, null, null, null, 0);
    }
}
