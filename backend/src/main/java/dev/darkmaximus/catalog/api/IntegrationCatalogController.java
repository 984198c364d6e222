package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.catalog.CatalogService;
import dev.darkmaximus.platform.web.Caller;

/** The storefront for integrators, under the key's {@code catalog:read} scope: what a new customer may buy. */
@RestController
@RequestMapping("/api/v1/integrations/catalog")
@Tag(name = "integrations")
@SecurityRequirement(name = "apiKey")
class IntegrationCatalogController {

    private final CatalogService catalog;

    IntegrationCatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/plans")
    @Operation(operationId = "integrationListPlans", summary = "Plans on sale to a new customer",
            description = "Needs `catalog:read` (403 `scope_missing` names it). The same plans and prices the "
                    + "public catalog shows someone who isn't signed in.")
    @ApiResponse(responseCode = "200", description = "Plans on sale.")
    List<CatalogPlanResponse> plans(Authentication key,
                                    @Parameter(description = "Only plans of this host.", example = "3")
                                    @RequestParam(required = false) Long hostId) {
        Caller.requireScope(key, "catalog:read");
        return catalog.plans(null, hostId).stream().map(CatalogPlanResponse::from).toList();
    }
}
