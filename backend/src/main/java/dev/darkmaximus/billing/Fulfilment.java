package dev.darkmaximus.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.billing.persistence.Order;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.notify.AdminAlerts;
import dev.darkmaximus.notify.NotificationService;
import dev.darkmaximus.notify.Templates;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

/**
 * Everything a succeeded payment sets off (SPEC §5.4), inside the transaction that marked it succeeded, so it all
 * happens exactly once or not at all: order paid, ledger, totals, promo redemption, referral reward, and the outbox
 * tasks that create or extend the key and tell the customer and the admins.
 *
 * <p>Ledger scheme: a key bought with an outside provider reads as a top-up followed by the purchase (both
 * referencing the order), so the statement lists every payment; a key bought from the balance is one purchase line;
 * a top-up is one top-up line. A card refund returns money outside the balance and writes no balance line.
 */
@Component
class Fulfilment {

    private final OrderRepository orders;
    private final BalanceService balances;
    private final PromoService promos;
    private final ReferralService referrals;
    private final KeyOrders keys;
    private final MoneyQueries queries;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final AdminAlerts alerts;
    private final Clock clock;

    Fulfilment(OrderRepository orders, BalanceService balances, PromoService promos, ReferralService referrals,
               KeyOrders keys, MoneyQueries queries, CustomerService customers, NotificationService notifications,
               AdminAlerts alerts, Clock clock) {
        this.orders = orders;
        this.balances = balances;
        this.promos = promos;
        this.referrals = referrals;
        this.keys = keys;
        this.queries = queries;
        this.customers = customers;
        this.notifications = notifications;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void paid(long orderId, Payment payment) {
        Order order = orders.findForUpdate(orderId).orElseThrow();
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED
                || order.status() == OrderStatus.REFUNDED) {
            // A second payment for an order already paid (paid twice through two links): keep the money visible
            // on the balance instead of issuing a second key.
            balances.credit(order.customerId(), Money.of(payment.amountMinor(), payment.currency()),
                    LedgerKind.TOP_UP, "payment", payment.id(), "Second payment for order #" + orderId, "system");
            alerts.queue("Order #" + orderId + " was paid twice; payment #" + payment.id() + " went to the balance.",
                    "double:" + payment.id());
            return;
        }
        Instant now = clock.instant();
        orders.transition(orderId, order.status().name(), OrderStatus.PAID.name(), now);
        Money amount = Money.of(order.amountMinor(), order.currency());
        boolean external = payment.provider() != PaymentMethod.BALANCE;
        long customerId = order.customerId();
        String reason = "Order #" + orderId;
        if (order.kind() == OrderKind.EXTEND_KEY && !keys.extendable(order.keyId())) {
            // Revoked between checkout and payment: the money can't buy that extension, so it stays the
            // customer's, on the balance, and an admin is told.
            if (amount.amount() > 0) {
                balances.credit(customerId, amount, LedgerKind.TOP_UP, "order", orderId,
                        "Order #" + orderId + ": the key was revoked before payment", "system");
            }
            orders.transition(orderId, OrderStatus.PAID.name(), OrderStatus.FULFILLED.name(), now);
            alerts.queue("Order #" + orderId + " paid for a revoked key; " + amount.display()
                    + " went to the balance.", "revoked:" + payment.id());
            return;
        }
        // The order held its code's use since it was opened; only a payment that came after the order expired can
        // find the limit taken, and then no bonus is given beyond it.
        boolean promoHonoured = order.promoCodeId() == null || promos.redeem(order);
        int bonusDays = promoHonoured ? order.bonusDays() : 0;
        switch (order.kind()) {
            case TOP_UP -> {
                LedgerLine credited = balances.credit(customerId, amount, LedgerKind.TOP_UP, "order", orderId,
                        "Top-up, order #" + orderId, "system");
                orders.transition(orderId, OrderStatus.PAID.name(), OrderStatus.FULFILLED.name(), now);
                notifications.queue(customerId, "top_up", Templates.BALANCE_TOPPED_UP,
                        Map.of("amount", amount.display(), "balance",
                                Money.of(credited.balanceAfterMinor(), amount.currency()).display()),
                        "payment:" + payment.id());
            }
            case NEW_KEY, EXTEND_KEY -> {
                if (amount.amount() > 0) {
                    if (external) {
                        balances.credit(customerId, amount, LedgerKind.TOP_UP, "order", orderId,
                                reason + " via " + payment.provider().name().toLowerCase(java.util.Locale.ROOT),
                                "system");
                    }
                    balances.spend(customerId, amount, LedgerKind.PURCHASE, "order", orderId, reason)
                            .orElseThrow(() -> ApiException.conflict("insufficient_balance",
                                    "Your balance doesn't cover " + amount.display() + "; top it up first."));
                    queries.addToTotal(customerId, amount.currency().name(), amount.amount());
                    referrals.reward(customerId, amount, "order", orderId);
                }
                if (order.kind() == OrderKind.NEW_KEY) {
                    long keyId = keys.createForOrder(customerId, order.planId(), bonusDays);
                    orders.setKey(orderId, keyId, now);
                } else {
                    keys.extendForOrder(order.keyId(), order.planId(), bonusDays);
                }
                notifications.queue(customerId, "payment", Templates.PAYMENT_RECEIVED,
                        Map.of("amount", amount.display(), "order_id", Long.toString(orderId)),
                        "payment:" + payment.id());
            }
        }
        if (order.balanceBonusMinor() > 0 && promoHonoured) {
            balances.credit(customerId, Money.of(order.balanceBonusMinor(), Currency.RUB), LedgerKind.PROMO_BONUS,
                    "order", orderId, "Promo code bonus, order #" + orderId, "system");
        }
        alerts.queue("💳 " + amount.display() + " via " + payment.provider().name().toLowerCase(java.util.Locale.ROOT)
                + ": order #" + orderId + " (" + order.kind().name().toLowerCase(java.util.Locale.ROOT)
                + ") of customer #" + customers.get(customerId).number(), "payment:" + payment.id());
    }

    /** The key of a paid order is on its panel: the order is fulfilled. */
    @EventListener
    @Transactional
    public void onKeyDelivered(KeyDelivered event) {
        orders.fulfilByKey(event.keyId(), clock.instant());
    }
}
