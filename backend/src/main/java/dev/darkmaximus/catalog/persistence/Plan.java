package dev.darkmaximus.catalog.persistence;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.catalog.Audience;
import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.ProvisionMode;
import dev.darkmaximus.catalog.Visibility;

/** What is sold on a host; prices and group limits live inside the aggregate. */
@Table("plans")
public record Plan(
        @Id Long id,
        long hostId,
        String nameRu,
        String nameEn,
        DurationUnit durationUnit,
        int durationValue,
        int trafficLimitGb,
        int deviceLimit,
        Visibility visibility,
        Audience audience,
        int displayOrder,
        ProvisionMode provisionMode,
        boolean trial,
        String squads,
        @MappedCollection(idColumn = "plan_id") Set<PlanPrice> prices,
        @MappedCollection(idColumn = "plan_id") Set<PlanGroup> groups,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public static Plan create(PlanSettings s) {
        return new Plan(null, s.hostId(), s.nameRu(), s.nameEn(), s.durationUnit(), s.durationValue(),
                s.trafficLimitGb(), s.deviceLimit(), s.visibility(), s.audience(), s.displayOrder(), s.provisionMode(),
                s.trial(), s.squads(), s.prices(), s.groups(), null, null, 0);
    }

    public Plan with(PlanSettings s) {
        return new Plan(id, s.hostId(), s.nameRu(), s.nameEn(), s.durationUnit(), s.durationValue(),
                s.trafficLimitGb(), s.deviceLimit(), s.visibility(), s.audience(), s.displayOrder(), s.provisionMode(),
                s.trial(), s.squads(), s.prices(), s.groups(), createdAt, updatedAt, version);
    }

    /** The admin-editable part of a plan; {@code squads} null = the host's (Remnawave). */
    public record PlanSettings(long hostId, String nameRu, String nameEn, DurationUnit durationUnit,
                               int durationValue, int trafficLimitGb, int deviceLimit, Visibility visibility,
                               Audience audience, int displayOrder, ProvisionMode provisionMode, boolean trial,
                               String squads, Set<PlanPrice> prices, Set<PlanGroup> groups) {
    }
}
