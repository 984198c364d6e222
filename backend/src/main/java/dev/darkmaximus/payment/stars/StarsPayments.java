package dev.darkmaximus.payment.stars;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * The two Telegram updates that make up a Stars payment. Pre-checkout is answered "ok" only after the order is
 * re-validated (still open, not expired, same amount, same payer); {@code successful_payment} is applied once,
 * deduplicated by Telegram's charge id.
 */
@Service
public class StarsPayments {

    private static final Logger log = LoggerFactory.getLogger(StarsPayments.class);

    private final OrderService orders;
    private final PaymentService payments;
    private final TelegramBotApi telegram;
    private final Clock clock;

    StarsPayments(OrderService orders, PaymentService payments, TelegramBotApi telegram, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.telegram = telegram;
        this.clock = clock;
    }

    /** Validates and answers; returns the refusal reason, or empty when answered ok. */
    public Optional<String> preCheckout(String queryId, long payerTelegramId, String currency, long totalAmount,
                                        String payload) {
        Optional<String> refusal = refusal(payerTelegramId, currency, totalAmount, payload);
        telegram.answerPreCheckoutQuery(queryId, refusal.isEmpty(), refusal.orElse(null));
        refusal.ifPresent(why -> log.atInfo().addKeyValue("payload", payload).log("Stars pre-checkout refused: {}", why));
        return refusal;
    }

    /**
     * Completes the payment. A repeat of the same charge changes nothing; a second, different charge for an
     * already-paid payment is recorded as its own payment so the money is never lost (it goes to the balance).
     */
    public PaymentService.Outcome successfulPayment(long payerTelegramId, String currency, long totalAmount,
                                                    String payload, String chargeId, String snapshotJson) {
        StarsPayload ids = StarsPayload.parse(payload)
                .orElseThrow(() -> new IllegalArgumentException("not our invoice payload: " + payload));
        if (payments.byProviderId(PaymentMethod.STARS, chargeId).isPresent()) {
            return PaymentService.Outcome.UNCHANGED;
        }
        PaymentView payment = payments.get(ids.paymentId());
        if (payment.orderId() != ids.orderId() || payment.provider() != PaymentMethod.STARS
                || !"XTR".equals(currency)) {
            throw new IllegalArgumentException("payload " + payload + " does not name a Stars payment of its order");
        }
        if (totalAmount != payment.amountMinor()) {
            log.atError().addKeyValue("paymentId", payment.id()).addKeyValue("charged", totalAmount)
                    .log("Stars charge differs from the order's amount");
        }
        if (payment.status().paid()) {
            return payments.applyExtra(payment.orderId(), PaymentMethod.STARS, chargeId, totalAmount, payerTelegramId,
                    "telegram:successful_payment", snapshotJson);
        }
        return payments.apply(payment.id(), PaymentStatus.SUCCEEDED, chargeId,
                "telegram:successful_payment", "payer " + payerTelegramId, snapshotJson);
    }

    private Optional<String> refusal(long payerTelegramId, String currency, long totalAmount, String payload) {
        Optional<StarsPayload> ids = StarsPayload.parse(payload);
        if (ids.isEmpty()) {
            return Optional.of("This invoice is not valid any more. Please start again.");
        }
        OrderView order;
        PaymentView payment;
        try {
            order = orders.get(ids.get().orderId());
            payment = payments.get(ids.get().paymentId());
        } catch (ApiException notFound) {
            return Optional.of("This order no longer exists. Please start again.");
        }
        if (payment.orderId() != order.id() || payment.provider() != PaymentMethod.STARS
                || !payment.status().open()) {
            return Optional.of("This invoice is not valid any more. Please start again.");
        }
        if (order.status() != OrderStatus.OPEN || !order.expiresAt().isAfter(clock.instant())) {
            return Optional.of("This order has expired. Please create a new one.");
        }
        if (!"XTR".equals(currency) || totalAmount != order.amountMinor() || totalAmount != payment.amountMinor()) {
            return Optional.of("The price has changed. Please create a new order.");
        }
        if (payment.payerTelegramId() != null && payment.payerTelegramId() != payerTelegramId) {
            return Optional.of("This invoice belongs to another account.");
        }
        return Optional.empty();
    }
}
