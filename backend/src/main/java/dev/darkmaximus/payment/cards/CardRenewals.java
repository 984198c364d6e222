package dev.darkmaximus.payment.cards;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.billing.PurchaseRequest;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.Providers;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.subscription.KeyView;
import dev.darkmaximus.subscription.RenewalCharges;

/**
 * Auto-renewal from a saved card (issue 21), tried before the balance. Each renewal — a key and the expiry it
 * renews — is one order, opened under an idempotency key of the two, and one YooKassa charge, created under an
 * idempotence key of the two: a second run, a retry after a timeout or another node asking at the same moment finds
 * that order and gets YooKassa's same payment, never a second charge. A charge declined falls back to the balance
 * (the caller); one declined for good also removes the card (SavedCards).
 */
@Component
class CardRenewals implements RenewalCharges {

    private static final Logger log = LoggerFactory.getLogger(CardRenewals.class);

    private final SavedCards cards;
    private final OrderService orders;
    private final PaymentService payments;
    private final Providers providers;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    CardRenewals(SavedCards cards, OrderService orders, PaymentService payments, Providers providers,
                 TransactionTemplate tx, JsonMapper json) {
        this.cards = cards;
        this.orders = orders;
        this.payments = payments;
        this.providers = providers;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public Optional<String> cardOf(long customerId) {
        return providers.available(PaymentMethod.YOOKASSA)
                ? cards.renewalCard(customerId).map(SavedCards.SavedCard::title) : Optional.empty();
    }

    @Override
    public Attempt charge(KeyView key, Money price) {
        if (key.expiresAt() == null) {
            return Attempt.NOT_CHARGED;
        }
        // '#' keeps the key out of what customers may send (Idempotency-Key), like the integrators' keys.
        String renewal = "#renewal-" + key.id() + "-" + key.expiresAt().getEpochSecond();
        // What this renewal came to so far decides first: a charge made (or maybe made) is never followed by the
        // balance, even if the card was removed or card payments switched off since.
        Optional<OrderView> earlier = orders.byIdempotencyKey(key.customerId(), renewal);
        if (earlier.isPresent()) {
            PaymentView payment = earlier.get().payment();
            if (paid(earlier.get())) {
                return Attempt.PAID_OR_PENDING;
            }
            if (payment == null || payment.status() == PaymentStatus.CANCELED) {
                return Attempt.NOT_CHARGED; // declined for this expiry: the balance's turn
            }
            if (payment.providerPaymentId() != null) {
                return Attempt.PAID_OR_PENDING; // charged, YooKassa hasn't decided: the poll applies its answer
            }
            // Open, or lapsed with the order, and never answered: YooKassa may or may not have it. Asking again with
            // the same idempotence key returns the one it has, or makes the first.
        }
        Optional<SavedCards.SavedCard> card = cards.renewalCard(key.customerId());
        if (card.isEmpty() || !providers.available(PaymentMethod.YOOKASSA)) {
            if (earlier.isPresent()) {
                log.atWarn().addKeyValue("keyId", key.id()).log("a renewal charge YooKassa never answered can't be "
                        + "asked about again (card removed or card payments off); the reconciliation will find it");
            }
            return Attempt.NOT_CHARGED;
        }
        OrderView order;
        try {
            order = earlier.isPresent() ? earlier.get() : tx.execute(status -> {
                orders.holdIdempotencyKey(key.customerId(), renewal);
                return orders.open(key.customerId(), new PurchaseRequest(OrderKind.EXTEND_KEY, null, key.id(), null,
                        PaymentMethod.YOOKASSA, null), renewal);
            });
        } catch (ApiException refused) {
            // The key can't be extended by card now (its plan has no rouble price…).
            log.atInfo().addKeyValue("keyId", key.id()).log("renewal by card not possible: {}", refused.getMessage());
            return Attempt.NOT_CHARGED;
        }
        PaymentView payment = order.payment();
        if (paid(order)) {
            return Attempt.PAID_OR_PENDING;
        }
        if (payment == null || payment.status() == PaymentStatus.CANCELED) {
            return Attempt.NOT_CHARGED;
        }
        if (payment.providerPaymentId() != null) {
            return Attempt.PAID_OR_PENDING;
        }
        PaymentProvider yookassa = providers.get(PaymentMethod.YOOKASSA);
        PaymentProvider.StartedPayment started;
        try {
            started = yookassa.chargeSaved(order, payment, card.get().methodId(), "dm-" + renewal.substring(1));
        } catch (ProviderException e) {
            if (e.isTransient()) {
                // Unknown whether YooKassa charged: the next run asks again under the same key and learns.
                log.atWarn().addKeyValue("keyId", key.id()).log("renewal charge unanswered: {}", e.getMessage());
                return Attempt.PAID_OR_PENDING;
            }
            // Refused outright (an invalid method…): nothing was charged; this renewal goes to the balance.
            payments.apply(payment.id(), PaymentStatus.CANCELED, null, "renewal:card", e.getMessage(), null);
            return Attempt.NOT_CHARGED;
        }
        payments.attach(payment.id(), started.providerPaymentId(), null, started.snapshotJson());
        PaymentStatus status = statusOf(started.snapshotJson());
        if (status != PaymentStatus.PENDING) {
            payments.apply(payment.id(), status, null, "renewal:card", null, started.snapshotJson());
        }
        try {
            cards.afterProviderAnswer(payment, started.snapshotJson());
        } catch (RuntimeException e) {
            log.atError().addKeyValue("keyId", key.id()).setCause(e).log("saved card bookkeeping failed");
        }
        log.atInfo().addKeyValue("keyId", key.id()).addKeyValue("orderId", order.id()).addKeyValue("status", status)
                .log("renewal charged to a saved card");
        return status == PaymentStatus.CANCELED ? Attempt.NOT_CHARGED : Attempt.PAID_OR_PENDING;
    }

    private static boolean paid(OrderView order) {
        return order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED
                || (order.payment() != null && order.payment().status().paid());
    }

    /** YooKassa's answer to the charge itself (not a notification): succeeded, canceled, or still pending. */
    private PaymentStatus statusOf(String snapshotJson) {
        JsonNode p = json.readTree(snapshotJson);
        return switch (p.path("status").asString("")) {
            case "succeeded" -> p.path("paid").asBoolean(false) ? PaymentStatus.SUCCEEDED : PaymentStatus.PENDING;
            case "canceled" -> PaymentStatus.CANCELED;
            default -> PaymentStatus.PENDING;
        };
    }
}
