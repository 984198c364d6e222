package dev.darkmaximus.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.darkmaximus.catalog.persistence.Plan;
import dev.darkmaximus.catalog.persistence.PlanGroup;
import dev.darkmaximus.platform.money.Money;

/**
 * A plan as other features and the API see it; prices sorted by currency for stable output. {@code squads}: the
 * Remnawave squads its keys join instead of the host's; empty = the host's.
 */
public record PlanView(long id, long hostId, String nameRu, String nameEn, DurationUnit durationUnit,
                       int durationValue, int trafficLimitGb, int deviceLimit, List<Money> prices,
                       Visibility visibility, Audience audience, List<Long> groupIds, int displayOrder,
                       ProvisionMode provisionMode, boolean trial, Instant createdAt, Instant updatedAt,
                       List<String> squads) {

    static PlanView from(Plan p) {
        List<Money> prices = p.prices().stream()
                .map(price -> Money.of(price.amountMinor(), price.currency()))
                .sorted(Comparator.comparing(Money::currency))
                .toList();
        List<Long> groups = p.groups().stream().map(PlanGroup::groupId).sorted().toList();
        return new PlanView(p.id(), p.hostId(), p.nameRu(), p.nameEn(), p.durationUnit(), p.durationValue(),
                p.trafficLimitGb(), p.deviceLimit(), prices, p.visibility(), p.audience(), groups, p.displayOrder(),
                p.provisionMode(), p.trial(), p.createdAt(), p.updatedAt(), Squads.parse(p.squads()));
    }
}
