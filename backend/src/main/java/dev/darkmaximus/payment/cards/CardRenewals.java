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
        Optional<SavedCards.SavedCard> card = cards.renewalCard(key.customerId());
        if (card.isEmpty() || !providers.available(PaymentMethod.YOOKASSA) || key.expiresAt() == null) {
            return Attempt.NOT_CHARGED;
        }
        String renewal = "renewal-" + key.id() + "-" + key.expiresAt().getEpochSecond();
        OrderView order;
        try {
            order = tx.execute(status -> {
                orders.holdIdempotencyKey(key.customerId(), renewal);
                return orders.open(key.customerId(), new PurchaseRequest(OrderKind.EXTEND_KEY, null, key.id(), null,
                        PaymentMethod.YOOKASSA, null), renewal);
            });
        } catch (ApiException refused) {
            // The key can't be extended by card now (its plan has no rouble price, card payments are off…).
            log.atInfo().addKeyValue("keyId", key.id()).log("renewal by card not possible: {}", refused.getMessage());
            return Attempt.NOT_CHARGED;
        }
        PaymentView payment = order.payment();
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED
                || (payment != null && payment.status().paid())) {
            return Attempt.PAID_OR_PENDING;
        }
        if (payment == null || !payment.status().open()) {
            return Attempt.NOT_CHARGED; // declined (or lapsed) once for this expiry: the balance's turn
        }
        if (payment.providerPaymentId() != null) {
            return Attempt.PAID_OR_PENDING; // charged, YooKassa hasn't decided: the poll applies its answer
        }
        PaymentProvider yookassa = providers.get(PaymentMethod.YOOKASSA);
        PaymentProvider.StartedPayment started;
        try {
            started = yookassa.chargeSaved(order, payment, card.get().methodId(), "dm-" + renewal);
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
        cards.afterProviderAnswer(payment, started.snapshotJson());
        log.atInfo().addKeyValue("keyId", key.id()).addKeyValue("orderId", order.id()).addKeyValue("status", status)
                .log("renewal charged to a saved card");
        return status == PaymentStatus.CANCELED ? Attempt.NOT_CHARGED : Attempt.PAID_OR_PENDING;
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
