package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.money.Currency;

/** One attempt to pay an order with a provider. Status moves only through {@link PaymentRepository} transitions. */
@Table("payments")
public record Payment(
        @Id Long id,
        long orderId,
        Provider provider,
        String providerPaymentId,
        long amountMinor,
        Currency currency,
        Status status,
        long refundedMinor,
        String confirmationUrl,
        JsonDocument providerSnapshot,
        Instant succeededAt,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public enum Provider { YOOKASSA, STARS, BALANCE, CRYPTOBOT }

    public enum Status { PENDING, WAITING_FOR_CAPTURE, SUCCEEDED, CANCELED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED }

    public static Payment pending(long orderId, Provider provider, String providerPaymentId, long amountMinor,
                                  Currency currency) {
        return new Payment(null, orderId, provider, providerPaymentId, amountMinor, currency, Status.PENDING, 0, null,
                null, null, null, null, 0);
    }
}
