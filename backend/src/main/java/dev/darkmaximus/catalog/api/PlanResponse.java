package dev.darkmaximus.catalog.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.Audience;
import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.catalog.ProvisionMode;
import dev.darkmaximus.catalog.Visibility;

public record PlanResponse(
        @Schema(example = "5") long id,
        @Schema(example = "3") long hostId,
        @Schema(example = "1 месяц") String nameRu,
        @Schema(example = "1 month") String nameEn,
        DurationUnit durationUnit,
        @Schema(example = "1") int durationValue,
        @Schema(example = "0") int trafficLimitGb,
        @Schema(example = "3") int deviceLimit,
        List<MoneyAmount> prices,
        Visibility visibility,
        Audience audience,
        @Schema(example = "[]") List<Long> groupIds,
        @Schema(example = "0") int displayOrder,
        ProvisionMode provisionMode,
        @Schema(example = "false") boolean trial,
        @Schema(example = "2026-11-24T10:15:30Z") Instant createdAt,
        @Schema(example = "2026-11-24T10:15:30Z") Instant updatedAt,
        @Schema(description = "Remnawave: the squads this plan's keys join instead of the host's; empty = the host's.",
                example = "[]") List<String> squads) {

    static PlanResponse from(PlanView p) {
        return new PlanResponse(p.id(), p.hostId(), p.nameRu(), p.nameEn(), p.durationUnit(), p.durationValue(),
                p.trafficLimitGb(), p.deviceLimit(), p.prices().stream().map(MoneyAmount::from).toList(),
                p.visibility(), p.audience(), p.groupIds(), p.displayOrder(), p.provisionMode(), p.trial(),
                p.createdAt(), p.updatedAt(), p.squads());
    }
}
