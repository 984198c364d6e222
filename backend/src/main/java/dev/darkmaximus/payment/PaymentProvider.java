package dev.darkmaximus.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.platform.money.Currency;

/**
 * One way of taking money from outside the shop (YooKassa, Telegram Stars; later CryptoBot, Heleket, TON). The
 * provider only talks to its service; what a status means for the order is billing's business.
 */
public interface PaymentProvider {

    PaymentMethod method();

    /** Credentials present and the service usable. */
    boolean configured();

    /** Starts paying {@code payment} of {@code order}; safe to call again for the same payment (idempotent). */
    StartedPayment start(OrderView order, PaymentView payment);

    /**
     * Charges a payment method the customer saved earlier, with no action of theirs (auto-renewal);
     * {@code idempotenceKey} makes every retry the same charge. Only providers that keep payment methods do this.
     */
    default StartedPayment chargeSaved(OrderView order, PaymentView payment, String methodId, String idempotenceKey) {
        throw new ProviderException(method() + " can't charge a saved payment method", false);
    }

    /** Reads the payment's current state from the provider; empty when the provider can't be asked by id. */
    Optional<ProviderPayment> fetch(String providerPaymentId);

    /** Returns {@code amountMinor} of a succeeded payment to the payer; {@code refundId} makes retries safe. */
    ProviderRefund refund(PaymentView payment, long amountMinor, long refundId, Long payerTelegramId);

    /**
     * A refund as the provider has it now, for one it answered "pending"; empty for providers whose refunds finish
     * in the call (Stars).
     */
    default Optional<ProviderRefund> fetchRefund(String providerRefundId) {
        return Optional.empty();
    }

    /**
     * The money the provider itself says it received within [from, to) (its own list: YooKassa's payments, CryptoBot's
     * invoices, Telegram's Star transactions), for the daily reconciliation; empty when it can't list them.
     *
     * @throws ProviderException when the provider can't be asked now
     */
    default Optional<List<Receipt>> received(Instant from, Instant to) {
        return Optional.empty();
    }

    /**
     * One payment as the provider's list has it. {@code paymentId}/{@code orderId} are ours as the provider carries
     * them (metadata, payload), null when it carries none; {@code payload} is what a Stars payment was made with.
     */
    record Receipt(String providerPaymentId, long amountMinor, Currency currency, Long orderId, Long paymentId,
                   Long payerTelegramId, String payload, String snapshotJson) {
    }

    /** What the provider answered when a payment started. */
    record StartedPayment(String providerPaymentId, String confirmationUrl, String snapshotJson) {
    }

    /** A refund as the provider reports it: {@code status} is SUCCEEDED, PENDING or FAILED. */
    record ProviderRefund(String id, String status, String detail) {
    }
}
