package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.platform.money.Currency;

/**
 * One payment attempt as the API shows it; {@code confirmationUrl} is where the customer pays (YooKassa's page or a
 * Telegram Stars invoice link).
 */
@Schema(name = "Payment", description = "One payment attempt; confirmationUrl is where the customer pays (YooKassa page or Stars invoice link).")
public record PaymentView(long id, long orderId, PaymentMethod provider, String providerPaymentId, long amountMinor,
                          Currency currency, PaymentStatus status, long refundedMinor, String confirmationUrl,
                          Instant createdAt, Instant succeededAt, Long payerTelegramId) {

    static PaymentView from(Payment p) {
        return new PaymentView(p.id(), p.orderId(), p.provider(), p.providerPaymentId(), p.amountMinor(),
                p.currency(), p.status(), p.refundedMinor(), p.confirmationUrl(), p.createdAt(), p.succeededAt(),
                p.payerTelegramId());
    }
}
