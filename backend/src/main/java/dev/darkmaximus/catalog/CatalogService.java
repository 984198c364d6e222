package dev.darkmaximus.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.catalog.persistence.Host;
import dev.darkmaximus.catalog.persistence.HostRepository;
import dev.darkmaximus.catalog.persistence.PlanListings;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.db.ChangeCounters;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * The storefront: what a given customer (or an anonymous visitor) may buy. Only enabled hosts with at least one
 * plan on sale appear; plans need a price and must pass their audience and group rules. A host whose panel failed
 * its last check is taken off sale until it answers again (the shop may choose to sell on with a delay notice), so
 * nobody pays for a key that can't be made. Orders are opened through this same list, so the API, the bot and the
 * Mini App all follow it.
 */
@Service
public class CatalogService {

    private final HostRepository hosts;
    private final PlanListings plans;
    private final CustomerService customers;
    private final PurchaseHistory purchases;

    private final ShopSettings settings;
    private final ChangeCounters counters;
    /**
     * The hosts and plans on sale as of a catalog counter: re-read only when the counter moved (one read of the change
     * counters per request instead of the storefront's queries, ADR 0012); what is personal (groups, past purchases) is
     * applied after.
     */
    private volatile Snapshot snapshot;
    private final AtomicLong reloads = new AtomicLong();
    private final TransactionTemplate reads;

    CatalogService(HostRepository hosts, PlanListings plans, CustomerService customers, PurchaseHistory purchases,
                   ShopSettings settings, ChangeCounters counters, PlatformTransactionManager transactions) {
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.settings = settings;
        this.counters = counters;
        this.hosts = hosts;
        this.plans = plans;
        this.customers = customers;
        this.purchases = purchases;
    }

    /**
     * Not a transaction of its own: a request reads the catalog version (and, only for plans limited to groups or
     * buyers, the customer's groups or purchases), each a single statement, so BEGIN and COMMIT would add a second
     * round trip to the database (make bench, storefront). The rare re-read of hosts and plans is one read-only
     * transaction, so they are seen as of one moment.
     *
     * @param customerId the signed-in customer, or null for an anonymous visitor
     */
    public List<CatalogHost> hosts(Long customerId) {
        Snapshot now = current();
        Map<Long, List<PlanView>> plansByHost = plansFor(customerId, now).stream()
                .collect(Collectors.groupingBy(PlanView::hostId));
        boolean sellWhileDown = settings.sellWhilePanelDown();
        return now.hosts().stream()
                .filter(h -> plansByHost.containsKey(h.id()))
                .filter(h -> sellWhileDown || !HostView.down(h))
                .map(h -> new CatalogHost(h.id(), h.name(), h.nameEn(), h.countryCode(), h.flag(), HostView.down(h),
                        plansByHost.get(h.id())))
                .toList();
    }

    public List<PlanView> plans(Long customerId, Long hostId) {
        return hosts(customerId).stream()
                .filter(h -> hostId == null || h.id() == hostId)
                .flatMap(h -> h.plans().stream())
                .toList();
    }

    /**
     * A plan on sale to this customer right now (in their catalog), or a field error on {@code planId}: the one check
     * behind buying in the API, the bot and the Mini App.
     */
    public PlanView offered(long customerId, long planId) {
        return plans(customerId, null).stream().filter(p -> p.id() == planId).findFirst()
                .orElseThrow(() -> InvalidInputException.field("planId",
                        "plan_not_offered", "This plan is not on sale to you."));
    }

    private List<PlanView> plansFor(Long customerId, Snapshot now) {
        Predicate<PlanView> offered;
        if (customerId == null) {
            offered = CatalogService::offeredToAnonymous;
        } else {
            // Only what the plans on sale depend on is read: in a shop that sells every plan to everyone, a signed-in
            // customer's storefront costs no query of its own (make bench: half the throughput before).
            boolean grouped = now.plans().stream().anyMatch(p -> !p.groupIds().isEmpty());
            boolean targeted = now.plans().stream().anyMatch(p -> p.audience() != Audience.ALL);
            offered = offeredTo(grouped ? customers.groupIds(customerId) : Set.of(),
                    targeted ? purchases.plansBoughtBy(customerId) : Set.of());
        }
        return now.plans().stream()
                .filter(offered)
                .toList();
    }

    private Snapshot current() {
        long now = counters.current().catalog();
        Snapshot cached = snapshot;
        if (cached == null || cached.version() != now) {
            // Read after the version: a change committing meanwhile is in what we read, or moves the version again.
            cached = reads.execute(tx -> new Snapshot(now, hosts.findEnabledOrdered(),
                    plans.onSale().stream().map(PlanView::from).filter(p -> !p.prices().isEmpty()).toList()));
            snapshot = cached;
            reloads.incrementAndGet();
        }
        return cached;
    }

    /** How often the storefront was read from the tables (for the cache's test). */
    long reloads() {
        return reloads.get();
    }

    private static boolean offeredToAnonymous(PlanView plan) {
        return plan.groupIds().isEmpty() && plan.audience() != Audience.RETURNING_ONLY;
    }

    private static Predicate<PlanView> offeredTo(Set<Long> groups, Set<Long> bought) {
        return plan -> (plan.groupIds().isEmpty() || plan.groupIds().stream().anyMatch(groups::contains))
                && switch (plan.audience()) {
                    case ALL -> true;
                    case NEW_ONLY -> !bought.contains(plan.id());
                    case RETURNING_ONLY -> bought.contains(plan.id());
                };
    }

    private record Snapshot(long version, List<Host> hosts, List<PlanView> plans) {
    }

    /**
     * A host in the storefront with the plans offered on it.
     *
     * @param keysMayBeDelayed its panel is failing and the shop sells on anyway: say so before the customer pays
     */
    public record CatalogHost(long id, String name, String nameEn, String countryCode, String flag,
                              boolean keysMayBeDelayed,
                              List<PlanView> plans) {

        /** The name a customer reading {@code language} sees. */
        public String nameFor(String language) {
            return "en".equals(language) && nameEn != null ? nameEn : name;
        }
    }
}
