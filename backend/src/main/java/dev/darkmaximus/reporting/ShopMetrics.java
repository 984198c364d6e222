package dev.darkmaximus.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderPaid;
import dev.darkmaximus.billing.PaymentCreditedToBalance;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentRefunded;
import dev.darkmaximus.customer.CustomerRegistered;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.subscription.KeyExpired;
import dev.darkmaximus.subscription.KeyExtended;
import dev.darkmaximus.subscription.KeyProvisioned;
import dev.darkmaximus.subscription.KeyRevoked;

/**
 * The shop's business counters for Prometheus (docs/ops/monitoring.md), counted from the features' events on the
 * node that handled them, once their transaction has committed (a rolled-back payment counts nothing): sum them
 * over nodes. Tags are few and bounded (kinds, providers, currencies, host ids).
 * Revenue is new money only: an order paid from the balance spends money already counted when it came in.
 */
@Component
class ShopMetrics {

    private final MeterRegistry meters;

    ShopMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Every series starts at 0 at boot, so increase() sees the first payment and dashboards see a line, not
        // "no data", on a quiet day.
        for (OrderKind kind : OrderKind.values()) {
            for (PaymentMethod provider : PaymentMethod.values()) {
                meters.counter("dm.orders.paid", "kind", kind.name(), "provider", provider.name());
            }
        }
        for (Currency currency : Currency.values()) {
            meters.counter("dm.revenue.minor", "currency", currency.name());
            meters.counter("dm.refunds.minor", "currency", currency.name());
        }
        meters.counter("dm.customers.registered");
        meters.counter("dm.keys.expired");
        meters.counter("dm.keys.revoked");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrderPaid e) {
        meters.counter("dm.orders.paid", "kind", e.kind().name(), "provider", e.provider().name()).increment();
        if (e.provider() != PaymentMethod.BALANCE) {
            revenue(e.amount().currency().name(), e.amount().amount());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PaymentCreditedToBalance e) {
        meters.counter("dm.payments.to_balance", "reason", e.reason().name()).increment();
        revenue(e.amount().currency().name(), e.amount().amount());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PaymentRefunded e) {
        String currency = e.amount().currency().name();
        meters.counter("dm.refunds", "currency", currency, "to_balance", Boolean.toString(e.toBalance())).increment();
        meters.counter("dm.refunds.minor", "currency", currency).increment(e.amount().amount());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerRegistered e) {
        meters.counter("dm.customers.registered").increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KeyProvisioned e) {
        meters.counter("dm.keys.provisioned", "host", Long.toString(e.hostId())).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KeyExtended e) {
        meters.counter("dm.keys.extended", "cause", e.cause().name()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KeyExpired e) {
        meters.counter("dm.keys.expired").increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KeyRevoked e) {
        meters.counter("dm.keys.revoked").increment();
    }

    private void revenue(String currency, long minor) {
        meters.counter("dm.revenue.minor", "currency", currency).increment(minor);
    }
}
