package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.PlanView;

/** A plan as the storefront shows it: no admin-only fields. */
public record CatalogPlanResponse(
        @Schema(example = "5") long id,
        @Schema(example = "3") long hostId,
        @Schema(example = "1 месяц") String nameRu,
        @Schema(example = "1 month") String nameEn,
        DurationUnit durationUnit,
        @Schema(example = "1") int durationValue,
        @Schema(description = "0 = unlimited.", example = "0") int trafficLimitGb,
        @Schema(description = "0 = unlimited.", example = "3") int deviceLimit,
        List<MoneyAmount> prices,
        @Schema(example = "0") int displayOrder) {

    static CatalogPlanResponse from(PlanView p) {
        return new CatalogPlanResponse(p.id(), p.hostId(), p.nameRu(), p.nameEn(), p.durationUnit(),
                p.durationValue(), p.trafficLimitGb(), p.deviceLimit(),
                p.prices().stream().map(MoneyAmount::from).toList(), p.displayOrder());
    }
}
