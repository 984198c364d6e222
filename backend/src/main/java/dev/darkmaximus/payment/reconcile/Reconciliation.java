package dev.darkmaximus.payment.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.payment.PaymentChecks;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.PaymentProvider.Receipt;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.payment.Providers;
import dev.darkmaximus.payment.reconcile.ReconciliationView.Difference;
import dev.darkmaximus.payment.reconcile.ReconciliationView.Kind;
import dev.darkmaximus.payment.stars.StarsPayments;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * The daily reconciliation (issue 21): a day of the shop's payments against each provider's own list of what it
 * received. Money the provider has for one of our payments that the shop never heard of (a lost webhook, a node
 * down) is credited through the same verified path a notification takes — YooKassa and CryptoBot re-read by id,
 * Stars through the successful-payment handling with Telegram's own record. What can't be repaired is reported:
 * money with no payment of ours, payments the shop counts that the provider doesn't list. Nothing is ever dropped
 * silently; a day can be run again and repairs nothing twice.
 */
@Service
public class Reconciliation {

    /**
     * The provider's list is read this much wider than the day, so a payment the shop dated just before midnight and
     * the provider just after is matched, not reported (the shop's side stays the exact day).
     */
    static final Duration MARGIN = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final Providers providers;
    private final PaymentService payments;
    private final PaymentChecks checks;
    private final StarsPayments stars;
    private final ReconciliationRecords records;
    private final AdminAlerts alerts;
    private final ShopSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    Reconciliation(Providers providers, PaymentService payments, PaymentChecks checks, StarsPayments stars,
                   ReconciliationRecords records, AdminAlerts alerts, ShopSettings settings, TransactionTemplate tx,
                   Clock clock) {
        this.providers = providers;
        this.payments = payments;
        this.checks = checks;
        this.stars = stars;
        this.records = records;
        this.alerts = alerts;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Yesterday in the shop's time zone, with every provider that is set up. */
    public List<ReconciliationView> yesterday() {
        return run(today().minusDays(1));
    }

    /**
     * Yesterday, once its day is well over in the shop's time zone (from 04:00, so late notifications had their
     * chance) and unless it was reconciled already; a provider that failed is tried again. The job asks every hour,
     * so a shop in any time zone is reconciled the morning after, and a failure at night is retried.
     */
    public List<ReconciliationView> yesterdayIfDue() {
        if (LocalTime.now(clock.withZone(settings.timeZone())).getHour() < 4) {
            return List.of();
        }
        LocalDate yesterday = today().minusDays(1);
        boolean done = records.latest(20).stream().filter(r -> r.day().equals(yesterday))
                .anyMatch(r -> r.status() != ReconciliationView.Status.FAILED);
        boolean failed = records.latest(20).stream().filter(r -> r.day().equals(yesterday))
                .anyMatch(r -> r.status() == ReconciliationView.Status.FAILED);
        return done && !failed ? List.of() : run(yesterday);
    }

    /** Today in the shop's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }

    /** {@code day} (the shop's time zone) with every provider that is set up and can list its payments. */
    public List<ReconciliationView> run(LocalDate day) {
        List<ReconciliationView> done = new ArrayList<>();
        for (PaymentMethod method : PaymentMethod.values()) {
            if (method == PaymentMethod.BALANCE || !providers.has(method)) {
                continue;
            }
            PaymentProvider provider = providers.get(method);
            if (!provider.configured()) {
                continue;
            }
            try {
                one(provider, day).ifPresent(done::add);
            } catch (RuntimeException e) {
                // One provider's trouble (a database hiccup, an answer we can't read) must not stop the others.
                log.atError().addKeyValue("provider", method).addKeyValue("day", day).setCause(e)
                        .log("reconciliation failed");
                done.add(save(new ReconciliationView(day, method, ReconciliationView.Status.FAILED, 0, 0, 0,
                        List.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant())));
            }
        }
        return done;
    }

    public List<ReconciliationView> latest(int limit) {
        return records.latest(limit);
    }

    private Optional<ReconciliationView> one(PaymentProvider provider, LocalDate day) {
        ZoneId zone = settings.timeZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        PaymentMethod method = provider.method();
        List<PaymentView> shop = payments.succeededBetween(method, from, to);
        List<Receipt> listed;
        try {
            Optional<List<Receipt>> read = provider.received(from.minus(MARGIN), to.plus(MARGIN));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            listed = read.get();
        } catch (ProviderException e) {
            log.atWarn().addKeyValue("provider", method).addKeyValue("day", day).log("reconciliation failed: {}",
                    e.getMessage());
            return Optional.of(save(new ReconciliationView(day, method, ReconciliationView.Status.FAILED, 0,
                    shop.size(), 0, List.of(), e.getMessage(), clock.instant())));
        }
        Set<Long> seen = new HashSet<>();
        List<Difference> differences = new ArrayList<>();
        int repaired = 0;
        for (Receipt receipt : listed) {
            Optional<PaymentView> ours = payments.byProviderId(method, receipt.providerPaymentId())
                    .or(() -> named(method, receipt));
            if (ours.isEmpty()) {
                differences.add(difference(Kind.PROVIDER_ONLY, receipt, null,
                        "the provider received it for no payment of the shop"));
                continue;
            }
            PaymentView payment = ours.get();
            seen.add(payment.id());
            String problem = problem(payment, receipt);
            if (problem != null) {
                differences.add(difference(Kind.NOT_APPLIED, receipt, payment, problem));
            } else if (!payment.status().paid() || !receipt.providerPaymentId().equals(payment.providerPaymentId())) {
                try {
                    if (repair(provider, payment, receipt)) {
                        repaired++;
                    } else {
                        differences.add(difference(Kind.NOT_APPLIED, receipt, payment,
                                "the provider's record did not move the payment (" + payment.status() + ")"));
                    }
                } catch (RuntimeException e) {
                    // Not applied now (the provider unreachable, a record we can't take): listed, never dropped.
                    differences.add(difference(Kind.NOT_APPLIED, receipt, payment, e.getMessage()));
                }
            }
        }
        for (PaymentView payment : shop) {
            if (!seen.contains(payment.id()) && !confirmedByProvider(provider, payment)) {
                differences.add(new Difference(Kind.SHOP_ONLY, payment.providerPaymentId(), payment.id(),
                        payment.orderId(), payment.amountMinor(), payment.currency().name(),
                        "the shop counts it as paid; the provider doesn't list it"));
            }
        }
        ReconciliationView.Status status = !differences.isEmpty() ? ReconciliationView.Status.DIFFERENCES
                : repaired > 0 ? ReconciliationView.Status.REPAIRED : ReconciliationView.Status.MATCHED;
        ReconciliationView result = new ReconciliationView(day, method, status, listed.size(), shop.size(), repaired,
                differences, null, clock.instant());
        log.atInfo().addKeyValue("provider", method).addKeyValue("day", day).addKeyValue("listed", listed.size())
                .addKeyValue("repaired", repaired).addKeyValue("differences", differences.size())
                .log("reconciled");
        return Optional.of(save(result));
    }

    /**
     * Whether the provider, asked by id, has this payment as paid after all: the shop dates a payment by when it
     * learned of it (a late webhook, the poll, last night's repair), the provider by when it was paid, so a payment
     * can sit in the shop's day and outside the provider's. Stars can't be asked by id: a payment the shop took from
     * Telegram's own list last night counts as listed.
     */
    private boolean confirmedByProvider(PaymentProvider provider, PaymentView payment) {
        if (payment.providerPaymentId() == null) {
            return false;
        }
        try {
            Optional<ProviderPayment> read = provider.fetch(payment.providerPaymentId());
            if (read.isPresent()) {
                return read.get().status() == PaymentStatus.SUCCEEDED
                        && read.get().amountMinor() == payment.amountMinor();
            }
        } catch (RuntimeException unreachable) {
            return false; // reported: an admin can run the day again
        }
        return payments.history(payment.id()).stream()
                .anyMatch(t -> "SUCCEEDED".equals(t.to()) && "reconciliation".equals(t.source()));
    }

    /** Our payment the provider's record names by its own carried ids, when it isn't known by the provider's id. */
    private Optional<PaymentView> named(PaymentMethod method, Receipt receipt) {
        if (receipt.paymentId() == null) {
            return Optional.empty();
        }
        return payments.find(receipt.paymentId()).filter(p -> p.provider() == method
                && (receipt.orderId() == null || receipt.orderId() == p.orderId()));
    }

    /** Why the record can't be ours as it stands, or null. */
    private static String problem(PaymentView payment, Receipt receipt) {
        if (receipt.currency() != payment.currency() || receipt.amountMinor() != payment.amountMinor()) {
            return "the provider has " + receipt.amountMinor() + " " + receipt.currency() + ", the shop "
                    + payment.amountMinor() + " " + payment.currency();
        }
        if (payment.status().paid() && payment.providerPaymentId() != null
                && !payment.providerPaymentId().equals(receipt.providerPaymentId())
                && payment.provider() != PaymentMethod.STARS) {
            return "a second paid attempt (" + receipt.providerPaymentId() + ") of a payment already paid by "
                    + payment.providerPaymentId();
        }
        return null;
    }

    /** Applies the provider's record through the path its notification would have taken; true when it moved. */
    private boolean repair(PaymentProvider provider, PaymentView payment, Receipt receipt) {
        if (provider.method() == PaymentMethod.STARS) {
            // Telegram's own transaction list is the record; the successful-payment path dedupes by charge id and
            // sends a second charge of a paid invoice to the balance.
            return stars.successfulPayment(receipt.payerTelegramId() == null ? 0 : receipt.payerTelegramId(),
                    Currency.XTR.name(), receipt.amountMinor(), receipt.payload(), receipt.providerPaymentId(),
                    receipt.snapshotJson()) == PaymentService.Outcome.CHANGED;
        }
        if (payment.providerPaymentId() == null) {
            // The start's answer was lost; the provider's list names the payment by our id in its metadata/payload.
            payments.attach(payment.id(), receipt.providerPaymentId(), null, receipt.snapshotJson());
        } else if (!payment.providerPaymentId().equals(receipt.providerPaymentId())) {
            throw new IllegalArgumentException("the provider paid " + receipt.providerPaymentId()
                    + " while the payment waits on " + payment.providerPaymentId());
        }
        return checks.recheck(payments.get(payment.id()), "reconciliation") == PaymentService.Outcome.CHANGED;
    }

    private static Difference difference(Kind kind, Receipt r, PaymentView payment, String detail) {
        Long paymentId = payment == null ? r.paymentId() : Long.valueOf(payment.id());
        Long orderId = payment == null ? r.orderId() : Long.valueOf(payment.orderId());
        return new Difference(kind, r.providerPaymentId(), paymentId, orderId, r.amountMinor(),
                r.currency() == null ? null : r.currency().name(), detail);
    }

    private ReconciliationView save(ReconciliationView r) {
        tx.executeWithoutResult(status -> {
            records.save(r);
            if (r.repaired() > 0 || !r.differences().isEmpty() || r.status() == ReconciliationView.Status.FAILED) {
                String first = r.error() != null ? ": " + r.error()
                        : r.differences().isEmpty() ? "" : " (first: " + r.differences().getFirst().detail() + ")";
                alerts.queue(AlertTemplates.RECONCILIATION, Map.of("day", r.day().toString(), "provider",
                        r.provider().name(), "repaired", Integer.toString(r.repaired()), "differences",
                        Integer.toString(r.differences().size()), "first", first),
                        "reconciliation:" + r.day() + ":" + r.provider() + ":" + r.ranAt().toEpochMilli());
            }
        });
        return r;
    }
}
