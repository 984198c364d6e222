package dev.darkmaximus.payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.billing.PurchaseRequest;
import dev.darkmaximus.customer.AccessGates;
import dev.darkmaximus.payment.cards.SavedCards;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.ratelimit.RateLimitGate;

/**
 * Checkout: the order and its payment are committed first, then the provider is asked to start the payment. If the
 * provider is down the order stays open and the same request (same Idempotency-Key) picks up where it stopped; the
 * provider's own idempotence key means a retry never creates a second provider payment.
 */
@Service
public class CheckoutService {

    private final OrderService orders;
    private final PaymentService payments;
    private final Providers providers;
    private final RateLimitGate rateLimits;
    private final AccessGates gates;
    private final TransactionTemplate transactions;
    private final SavedCards cards;

    CheckoutService(OrderService orders, PaymentService payments, Providers providers, RateLimitGate rateLimits,
                    AccessGates gates, TransactionTemplate transactions, SavedCards cards) {
        this.cards = cards;
        this.transactions = transactions;
        this.rateLimits = rateLimits;
        this.gates = gates;
        this.orders = orders;
        this.payments = payments;
        this.providers = providers;
    }

    /**
     * Opens (or, for a repeated idempotency key, returns) the order. A new order first takes from the customer's order
     * budget and passes the shop's gates; a retry of one already opened (a client resending after a lost answer)
     * spends nothing and is answered with that order.
     */
    public OrderView checkout(long customerId, PurchaseRequest request, String idempotencyKey) {
        return checkout(customerId, request, idempotencyKey, false);
    }

    /**
     * As above; with {@code saveCard} the customer agreed to keep the card for auto-renewal (YooKassa purchases of
     * keys only), recorded with the order before its payment starts so YooKassa is asked to save it.
     */
    public OrderView checkout(long customerId, PurchaseRequest request, String idempotencyKey, boolean saveCard) {
        if (saveCard && (request.method() != PaymentMethod.YOOKASSA || request.kind() == OrderKind.TOP_UP)) {
            throw InvalidInputException.field("saveCard", "card_saving_unavailable",
                    "a card is saved only when paying for a key by card (YooKassa)");
        }
        // The shop's gates may ask Telegram (channel membership): checked before any lock or connection is held.
        if (!orders.opened(customerId, idempotencyKey)) {
            gates.requireThrough(customerId);
        }
        OrderView order = idempotencyKey == null ? open(customerId, request, null)
                : transactions.execute(tx -> {
                    // Replays racing each other (a client retrying at once, an integrator's parallel workers) wait
                    // for the first here, then are answered with its order without spending the order budget.
                    orders.holdIdempotencyKey(customerId, idempotencyKey);
                    return open(customerId, request, idempotencyKey);
                });
        if (saveCard && order.status() == OrderStatus.OPEN) {
            cards.recordConsent(order.id(), customerId);
        }
        return started(order);
    }

    private OrderView open(long customerId, PurchaseRequest request, String idempotencyKey) {
        if (!orders.opened(customerId, idempotencyKey)) {
            rateLimits.requireOrderBudget(customerId);
        }
        return orders.open(customerId, request, idempotencyKey);
    }

    /** Starts the order's payment at its provider unless that happened already; returns the order as it now is. */
    public OrderView started(OrderView order) {
        PaymentView payment = order.payment();
        if (order.status() != OrderStatus.OPEN || payment == null || !payment.status().open()
                || payment.provider() == PaymentMethod.BALANCE || payment.confirmationUrl() != null) {
            return order;
        }
        try {
            PaymentProvider.StartedPayment started = providers.get(payment.provider()).start(order, payment);
            payments.attach(payment.id(), started.providerPaymentId(), started.confirmationUrl(),
                    started.snapshotJson());
        } catch (ProviderException e) {
            throw e.asApiError("The payment could not be started; try again with the same Idempotency-Key");
        }
        return orders.get(order.id());
    }
}
