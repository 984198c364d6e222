package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.CatalogService;

public record CatalogHostResponse(
        @Schema(example = "3") long id,
        @Schema(example = "Нидерланды") String name,
        @Schema(description = "The name for customers who read English; null = `name` for everyone.",
                example = "Netherlands", nullable = true) String nameEn,
        @Schema(example = "NL") String countryCode,
        @Schema(example = "🇳🇱") String flag,
        @Schema(description = "The host's panel is failing and the shop sells on anyway: new keys may take longer "
                + "than usual. Hosts whose panel is failing are otherwise left out.", example = "false")
        boolean keysMayBeDelayed,
        List<CatalogPlanResponse> plans) {

    static CatalogHostResponse from(CatalogService.CatalogHost h) {
        return new CatalogHostResponse(h.id(), h.name(), h.nameEn(), h.countryCode(), h.flag(), h.keysMayBeDelayed(),
                h.plans().stream().map(CatalogPlanResponse::from).toList());
    }
}
