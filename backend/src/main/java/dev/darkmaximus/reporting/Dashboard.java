package dev.darkmaximus.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.reporting.persistence.DashboardQueries;

/** The admin UI's dashboard (SPEC §10): the last N days of the shop, day by day in its time zone, and its health. */
@Service
public class Dashboard {

    private final DashboardQueries queries;
    private final ShopSettings settings;
    private final Clock clock;

    Dashboard(DashboardQueries queries, ShopSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param days how many days back, today included */
    @Transactional(readOnly = true)
    public View lastDays(int days) {
        ZoneId zone = settings.timeZone();
        LocalDate to = LocalDate.now(clock.withZone(zone));
        LocalDate from = to.minusDays(days - 1L);
        Instant fromTs = from.atStartOfDay(zone).toInstant();
        Instant toTs = to.plusDays(1).atStartOfDay(zone).toInstant();

        Map<LocalDate, DayBuilder> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new DayBuilder());
        }
        queries.revenueByDay(from, to, zone.getId()).forEach(r -> {
            DayBuilder day = byDay.get(r.day());
            day.revenue.merge(r.currency(), r.amountMinor(), Long::sum);
            day.payments += r.payments();
        });
        queries.newCustomersByDay(from, to, zone.getId()).forEach(c -> byDay.get(c.day()).newCustomers = c.count());
        queries.activeKeysByDay(from, to, zone.getId()).forEach(c -> byDay.get(c.day()).activeKeys = c.count());
        List<Day> series = new ArrayList<>();
        byDay.forEach((date, d) -> series.add(new Day(date, Map.copyOf(d.revenue), d.payments, d.newCustomers,
                d.activeKeys)));

        DashboardQueries.Conversion trials = queries.trialConversion(fromTs, toTs);
        Instant now = clock.instant();
        DashboardQueries.OutboxHealth outbox = queries.outbox(now);
        Long lagSeconds = outbox.oldestDue() == null ? 0L : Duration.between(outbox.oldestDue(), now).toSeconds();
        return new View(days, zone.getId(), series,
                queries.revenueByProvider(fromTs, toTs).stream().map(Dashboard::slice).toList(),
                queries.revenueByHost(fromTs, toTs).stream().map(Dashboard::slice).toList(),
                new TrialConversion(trials.trials(), trials.converted()),
                new Health(outbox.pending(), outbox.dead(), Math.max(0, lagSeconds),
                        queries.hosts().stream().map(Dashboard::host).toList()));
    }

    private static RevenueSlice slice(DashboardQueries.Slice s) {
        return new RevenueSlice(s.name() == null ? "—" : s.name(), s.hostId(), s.currency(), s.amountMinor(),
                s.payments());
    }

    private static HostHealth host(DashboardQueries.HostHealth h) {
        boolean failing = "OPEN".equals(h.circuitState()) || "FAILED".equals(h.lastSyncOutcome())
                || (h.lastErrorAt() != null && (h.lastOkAt() == null || h.lastErrorAt().isAfter(h.lastOkAt())));
        String state = !h.enabled() ? "DISABLED" : failing ? "FAILING" : "OK";
        String error = h.lastSyncError() != null && "FAILED".equals(h.lastSyncOutcome()) ? h.lastSyncError()
                : failing ? h.lastError() : null;
        return new HostHealth(h.id(), h.name(), state, h.lastSyncAt(), h.lastSyncOutcome(), error);
    }

    private static final class DayBuilder {
        final Map<String, Long> revenue = new LinkedHashMap<>();
        long payments;
        long newCustomers;
        long activeKeys;
    }

    @Schema(name = "Dashboard")
    public record View(int days, String timeZone, List<Day> series,
                       @Schema(description = "Money received in the period by payment provider and currency.")
                       List<RevenueSlice> byProvider,
                       @Schema(description = "Money received in the period by the host of the key bought or "
                               + "extended; balance top-ups under \"—\".") List<RevenueSlice> byHost,
                       TrialConversion trials, Health health) {
    }

    @Schema(name = "DashboardDay")
    public record Day(LocalDate date,
                      @Schema(description = "Money received that day in minor units by currency (RUB in kopecks, "
                              + "XTR in stars); spending from the balance is not counted again.")
                      Map<String, Long> revenue,
                      long payments, long newCustomers,
                      @Schema(description = "Keys valid at the end of the day.") long activeKeys) {
    }

    @Schema(name = "RevenueSlice")
    public record RevenueSlice(String name, Long hostId, String currency, long amountMinor, long payments) {
    }

    @Schema(name = "TrialConversion", description = "Customers whose first trial falls in the period, and how many "
            + "of them have bought a key since.")
    public record TrialConversion(long trials, long converted) {
    }

    @Schema(name = "ShopHealth")
    public record Health(long outboxPending, long outboxDead,
                         @Schema(description = "How long the oldest due task has been waiting, in seconds.")
                         long outboxLagSeconds, List<HostHealth> hosts) {
    }

    @Schema(name = "HostHealth")
    public record HostHealth(long hostId, String name, @Schema(description = "OK, FAILING or DISABLED") String state,
                             Instant lastSyncAt, String lastSyncOutcome, String lastError) {
    }
}
