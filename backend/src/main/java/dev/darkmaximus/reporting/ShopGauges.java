package dev.darkmaximus.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.reporting.persistence.GaugeQueries;

/**
 * The shop's state for Prometheus, read from the database every {@code dm.metrics.gauge-interval} (30 s) rather
 * than on each scrape, so a scrape never costs a query. Every node reports the same shared totals: take max over
 * nodes, not sum.
 */
@Component
public class ShopGauges {

    private static final Logger log = LoggerFactory.getLogger(ShopGauges.class);
    private static final List<String> RECIPIENT_STATUSES = List.of("PENDING", "SENT", "FAILED", "BLOCKED");

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
    private final List<String> outboxKinds;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** 1 while the last refresh could read the database, 0 when it could not. */
    private final AtomicInteger databaseUp = new AtomicInteger(1);

    ShopGauges(GaugeQueries queries, MeterRegistry meters, List<OutboxHandler> handlers) {
        this.queries = queries;
        this.outboxKinds = handlers.stream().map(OutboxHandler::kind).sorted().toList();
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
        Gauge.builder("dm.database.up", databaseUp, AtomicInteger::get)
                .description("1 when the last gauge refresh could read the database").register(meters);
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
            // Every kind and status shows, at 0 when there is nothing: an alert comparing with 15 minutes ago, or a
            // dashboard line, needs the series to exist before the first dead task or broadcast.
            outboxPending.register(rows(withZeros(queries.outboxPending(), "kind", outboxKinds)), true);
            outboxDead.register(rows(withZeros(queries.outboxDead(), "kind", outboxKinds)), true);
            outboxLag.register(rows(withZeros(queries.outboxLag(), "kind", outboxKinds)), true);
            panelsUp.register(rows(queries.panelsUp()), true);
            broadcastRecipients.register(rows(withZeros(queries.broadcastRecipients(), "status", RECIPIENT_STATUSES)),
                    true);
            databaseUp.set(1);
        } catch (DataAccessException e) { // the database is away: say so, and keep the last values
            databaseUp.set(0);
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("metrics: the database did not answer");
        } finally {
            refreshing.set(false);
        }
    }

    private static List<GaugeQueries.Value> withZeros(List<GaugeQueries.Value> found, String tag, List<String> all) {
        Set<String> present = found.stream().map(v -> v.tags().getFirst().getValue()).collect(Collectors.toSet());
        List<GaugeQueries.Value> complete = new ArrayList<>(found);
        all.stream().filter(value -> !present.contains(value))
                .forEach(value -> complete.add(new GaugeQueries.Value(List.of(Tag.of(tag, value)), 0)));
        return complete;
    }

    private static List<MultiGauge.Row<?>> rows(List<GaugeQueries.Value> values) {
        return values.stream().<MultiGauge.Row<?>>map(v -> MultiGauge.Row.of(Tags.of(v.tags()), v.value())).toList();
    }
}
