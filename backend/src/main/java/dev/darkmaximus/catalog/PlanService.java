package dev.darkmaximus.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.catalog.persistence.HostRepository;
import dev.darkmaximus.catalog.persistence.Plan;
import dev.darkmaximus.catalog.persistence.PlanGroup;
import dev.darkmaximus.catalog.persistence.PlanListings;
import dev.darkmaximus.catalog.persistence.PlanPrice;
import dev.darkmaximus.catalog.persistence.PlanRepository;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

/** Admin management of plans. Plans are archived rather than deleted: keys and orders keep pointing at them. */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final PlanListings listings;
    private final HostRepository hosts;
    private final CustomerService customers;
    private final AuditService audit;

    PlanService(PlanRepository plans, PlanListings listings, HostRepository hosts, CustomerService customers,
                AuditService audit) {
        this.plans = plans;
        this.listings = listings;
        this.hosts = hosts;
        this.customers = customers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<PlanView> list(Long hostId) {
        return listings.all(hostId).stream().map(PlanView::from).toList();
    }

    @Transactional(readOnly = true)
    public PlanView get(long id) {
        return PlanView.from(load(id));
    }

    @Transactional
    public PlanView create(PlanCommand command) {
        Plan saved = plans.save(Plan.create(settings(command, null)));
        PlanView view = PlanView.from(saved);
        audit.record("plan.create", "plan", saved.id(), null, view);
        return view;
    }

    @Transactional
    public PlanView update(long id, PlanCommand command) {
        Plan current = load(id);
        Plan saved = plans.save(current.with(settings(command, current)));
        PlanView view = PlanView.from(saved);
        audit.record("plan.update", "plan", id, PlanView.from(current), view);
        return view;
    }

    private Plan load(long id) {
        return plans.findById(id).orElseThrow(() -> ApiException.notFound("Plan", id));
    }

    private Plan.PlanSettings settings(PlanCommand c, Plan current) {
        PanelType panelType = hosts.findById(c.hostId()).map(h -> h.panelType())
                .orElseThrow(() -> InvalidInputException.field("hostId", "not_found", "no host with this id"));
        // A plan moved to a 3x-ui host without saying so drops the squads it had; naming some there is refused.
        String squads = c.squads() != null ? Squads.format(c.squads(), "squads")
                : current == null || panelType.xui() ? null : current.squads();
        if (squads != null && panelType.xui()) {
            throw InvalidInputException.field("squads", "no_squads", "only Remnawave hosts have squads");
        }
        Set<Currency> seen = new HashSet<>();
        for (Money price : c.prices()) {
            if (!seen.add(price.currency())) {
                throw InvalidInputException.field("prices", "duplicate_currency",
                        "lists " + price.currency() + " more than once");
            }
        }
        List<Long> unknownGroups = customers.unknownGroupIds(c.groupIds());
        if (!unknownGroups.isEmpty()) {
            throw InvalidInputException.field("groupIds", "not_found", "unknown customer groups " + unknownGroups);
        }
        Set<PlanPrice> prices = c.prices().stream()
                .map(m -> new PlanPrice(m.currency(), m.amount()))
                .collect(Collectors.toSet());
        Set<PlanGroup> groups = c.groupIds().stream().map(PlanGroup::new).collect(Collectors.toSet());
        return new Plan.PlanSettings(c.hostId(), c.nameRu().strip(), c.nameEn().strip(), c.durationUnit(),
                c.durationValue(), c.trafficLimitGb(), c.deviceLimit(), c.visibility(), c.audience(),
                c.displayOrder(), c.provisionMode(), c.trial(), squads, prices, groups);
    }
}
