package dev.darkmaximus.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.PaymentCreditedToBalance.Reason;
import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.billing.persistence.Order;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

/**
 * The money side of a succeeded payment (SPEC §5.4), inside the transaction that marked it succeeded, so it all
 * happens exactly once or not at all: order paid, ledger, totals, promo redemption, referral reward. What follows
 * from it elsewhere (the key, the messages) listens to {@link OrderPaid}.
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Fulfilment(OrderRepository orders, BalanceService balances, PromoService promos, ReferralService referrals,
               KeyOrders keys, MoneyQueries queries, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.balances = balances;
        this.promos = promos;
        this.referrals = referrals;
        this.keys = keys;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void paid(long orderId, Payment payment) {
        Order order = orders.findForUpdate(orderId).orElseThrow();
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED
                || order.status() == OrderStatus.REFUNDED) {
            secondPayment(order, payment);
            return;
        }
        Instant now = clock.instant();
        orders.transition(orderId, order.status().name(), OrderStatus.PAID.name(), now);
        if (order.kind() == OrderKind.EXTEND_KEY && !keys.extendable(order.keyId())) {
            revokedBeforePayment(order, payment, now);
            return;
        }
        // The order held its code's use since it was opened; only a payment that came after the order expired can
        // find the limit taken, and then no bonus is given beyond it.
        boolean promoHonoured = order.promoCodeId() == null || promos.redeem(order);
        switch (order.kind()) {
            case TOP_UP -> topUp(order, now);
            case NEW_KEY, EXTEND_KEY -> key(order, payment);
        }
        if (order.balanceBonusMinor() > 0 && promoHonoured) {
            balances.credit(order.customerId(), Money.of(order.balanceBonusMinor(), Currency.RUB),
                    LedgerKind.PROMO_BONUS, "order", orderId, "Promo code bonus, order #" + orderId, "system");
        }
        events.publishEvent(new OrderPaid(orderId, payment.id(), order.customerId(), order.kind(), order.planId(),
                order.keyId(), promoHonoured ? order.bonusDays() : 0, amount(order), payment.provider()));
    }

    /**
     * A second payment for an order already paid (paid twice through two links): the money stays visible on the
     * balance instead of buying a second key.
     */
    private void secondPayment(Order order, Payment payment) {
        Money amount = Money.of(payment.amountMinor(), payment.currency());
        balances.credit(order.customerId(), amount, LedgerKind.TOP_UP, "payment", payment.id(),
                "Second payment for order #" + order.id(), "system");
        events.publishEvent(new PaymentCreditedToBalance(order.id(), payment.id(), order.customerId(), amount,
                Reason.SECOND_PAYMENT));
    }

    /** Revoked between checkout and payment: the money can't buy that extension, so it stays the customer's. */
    private void revokedBeforePayment(Order order, Payment payment, Instant now) {
        Money amount = amount(order);
        if (amount.amount() > 0) {
            balances.credit(order.customerId(), amount, LedgerKind.TOP_UP, "order", order.id(),
                    "Order #" + order.id() + ": the key was revoked before payment", "system");
        }
        orders.transition(order.id(), OrderStatus.PAID.name(), OrderStatus.FULFILLED.name(), now);
        events.publishEvent(new PaymentCreditedToBalance(order.id(), payment.id(), order.customerId(), amount,
                Reason.KEY_REVOKED));
    }

    /** A top-up is fulfilled the moment its money is on the balance. */
    private void topUp(Order order, Instant now) {
        balances.credit(order.customerId(), amount(order), LedgerKind.TOP_UP, "order", order.id(),
                "Top-up, order #" + order.id(), "system");
        orders.transition(order.id(), OrderStatus.PAID.name(), OrderStatus.FULFILLED.name(), now);
    }

    /**
     * A key bought or extended: money from outside passes through the balance, the purchase is spent from it, and
     * the referrer earns their share. The order stays paid until its key is on the panel ({@link KeyedOrders}).
     */
    private void key(Order order, Payment payment) {
        Money amount = amount(order);
        if (amount.amount() <= 0) {
            return;
        }
        long customerId = order.customerId();
        String reason = "Order #" + order.id();
        if (payment.provider() != PaymentMethod.BALANCE) {
            balances.credit(customerId, amount, LedgerKind.TOP_UP, "order", order.id(),
                    reason + " via " + payment.provider().name().toLowerCase(Locale.ROOT), "system");
        }
        balances.spend(customerId, amount, LedgerKind.PURCHASE, "order", order.id(), reason)
                .orElseThrow(() -> ApiException.conflict("insufficient_balance",
                        "Your balance doesn't cover " + amount.display() + "; top it up first."));
        queries.addToTotal(customerId, amount.currency().name(), amount.amount());
        referrals.reward(customerId, amount, "order", order.id());
    }

    private static Money amount(Order order) {
        return Money.of(order.amountMinor(), order.currency());
    }
}
