package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.darkmaximus.catalog.Audience;
import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.PlanCommand;
import dev.darkmaximus.catalog.ProvisionMode;
import dev.darkmaximus.catalog.Visibility;

public record PlanRequest(
        @Schema(example = "3") @NotNull @Positive Long hostId,
        @Schema(example = "1 месяц") @NotBlank @Size(max = 100) String nameRu,
        @Schema(example = "1 month") @NotBlank @Size(max = 100) String nameEn,
        @Schema(example = "months") @NotNull DurationUnit durationUnit,
        @Schema(example = "1") @NotNull @Min(1) @Max(10_000) Integer durationValue,
        @Schema(description = "Traffic limit in GB; 0 = unlimited.", example = "0") @NotNull @Min(0) @Max(1_000_000) Integer trafficLimitGb,
        @Schema(description = "Devices (IP) limit; 0 = unlimited.", example = "3") @NotNull @Min(0) @Max(1000) Integer deviceLimit,
        @Schema(description = "At most one price per currency; a price of 0 makes the plan free.")
        @NotNull @Size(max = 4) List<@Valid @NotNull MoneyAmount> prices,
        @Schema(example = "visible") @NotNull Visibility visibility,
        @Schema(example = "all") @NotNull Audience audience,
        @Schema(description = "Customer groups the plan is limited to; empty = everyone.", example = "[]")
        @Size(max = 100) List<@NotNull @Positive Long> groupIds,
        @Schema(description = "Lower comes first; default 0.", example = "0") @Min(0) @Max(10_000) Integer displayOrder,
        @Schema(example = "both") @NotNull ProvisionMode provisionMode,
        @Schema(description = "Trial plans are never sold; they describe the free trial.", example = "false") Boolean trial,
        @Schema(description = "Remnawave hosts only: the squads (UUIDs) this plan's keys join instead of the host's; "
                + "empty = the host's. Absent on update: kept.", example = "[]")
        @Size(max = 20) List<@NotNull @Size(max = 36) String> squads) {

    PlanCommand toCommand() {
        return new PlanCommand(hostId, nameRu, nameEn, durationUnit, durationValue, trafficLimitGb, deviceLimit,
                prices.stream().map(MoneyAmount::toMoney).toList(), visibility, audience,
                groupIds == null ? List.of() : groupIds, displayOrder == null ? 0 : displayOrder, provisionMode,
                Boolean.TRUE.equals(trial), squads);
    }
}
