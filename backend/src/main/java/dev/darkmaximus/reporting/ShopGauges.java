package dev.darkmaximus.reporting;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.darkmaximus.reporting.persistence.GaugeQueries;

/**
 * The shop's state for Prometheus, read from the database every {@code dm.metrics.gauge-interval} (30 s) rather
 * than on each scrape, so a scrape never costs a query. Every node reports the same shared totals: take max over
 * nodes, not sum.
 */
@Component
public class ShopGauges {

    private final GaugeQueries queries;
    private final MultiGauge payments;
    private final MultiGauge orders;
    private final MultiGauge keys;
    private final MultiGauge customers;
    private final MultiGauge outboxPending;
    private final MultiGauge outboxDead;
    private final MultiGauge outboxLag;
    private final MultiGauge panelsUp;
    private final MultiGauge broadcastRecipients;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    ShopGauges(GaugeQueries queries, MeterRegistry meters) {
        this.queries = queries;
        this.payments = gauge("dm.payments", "Payments by provider and status, all time", meters);
        this.orders = gauge("dm.orders", "Orders by kind and status, all time", meters);
        this.keys = gauge("dm.keys", "Keys by host and status now", meters);
        this.customers = gauge("dm.customers", "Customers, banned or not", meters);
        this.outboxPending = gauge("dm.outbox.pending", "Outbox tasks waiting to run, by kind", meters);
        this.outboxDead = gauge("dm.outbox.dead", "Outbox tasks dead-lettered, by kind", meters);
        this.outboxLag = gauge("dm.outbox.lag.seconds", "Age of the oldest task due to run, by kind", meters);
        this.panelsUp = gauge("dm.panel.up", "1 when the host's panel answered last, 0 when it failed", meters);
        this.broadcastRecipients = gauge("dm.broadcasts.recipients", "Recipients of running broadcasts by status",
                meters);
    }

    private static MultiGauge gauge(String name, String description, MeterRegistry meters) {
        return MultiGauge.builder(name).description(description).register(meters);
    }

    /** Reads everything once; public so a test can see the state it just made without waiting for the schedule. */
    @Scheduled(fixedDelayString = "${dm.metrics.gauge-interval:30s}", initialDelayString = "5s")
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            payments.register(rows(queries.payments()), true);
            orders.register(rows(queries.orders()), true);
            keys.register(rows(queries.keys()), true);
            customers.register(rows(queries.customers()), true);
            outboxPending.register(rows(queries.outboxPending()), true);
            outboxDead.register(rows(queries.outboxDead()), true);
            outboxLag.register(rows(queries.outboxLag()), true);
            panelsUp.register(rows(queries.panelsUp()), true);
            broadcastRecipients.register(rows(queries.broadcastRecipients()), true);
        } finally {
            refreshing.set(false);
        }
    }

    private static List<MultiGauge.Row<?>> rows(List<GaugeQueries.Value> values) {
        return values.stream().<MultiGauge.Row<?>>map(v -> MultiGauge.Row.of(Tags.of(v.tags()), v.value())).toList();
    }
}
