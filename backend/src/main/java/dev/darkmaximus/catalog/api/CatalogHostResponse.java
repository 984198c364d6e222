package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.CatalogService;

public record CatalogHostResponse(
        @Schema(example = "3") long id,
        @Schema(example = "Netherlands 1") String name,
        @Schema(example = "NL") String countryCode,
        @Schema(example = "🇳🇱") String flag,
        List<CatalogPlanResponse> plans) {

    static CatalogHostResponse from(CatalogService.CatalogHost h) {
        return new CatalogHostResponse(h.id(), h.name(), h.countryCode(), h.flag(),
                h.plans().stream().map(CatalogPlanResponse::from).toList());
    }
}
