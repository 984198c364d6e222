package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.catalog.CatalogService;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/hosts")
    @Operation(operationId = "listCatalogHosts", summary = "Locations with the plans on sale",
            description = "Public. With a customer token, plans limited to customer groups or to new/returning "
                    + "buyers are filtered for that customer; anonymously, only plans offered to everyone appear.")
    @ApiResponse(responseCode = "200", description = "Enabled hosts that have at least one plan on sale.")
    List<CatalogHostResponse> hosts(@AuthenticationPrincipal Jwt jwt) {
        return catalog.hosts(customerId(jwt)).stream().map(CatalogHostResponse::from).toList();
    }

    @GetMapping("/plans")
    @Operation(operationId = "listCatalogPlans", summary = "Plans on sale",
            description = "Public; the same rules as listCatalogHosts, flattened, optionally for one host.")
    @ApiResponse(responseCode = "200", description = "Plans on sale.")
    List<CatalogPlanResponse> plans(@AuthenticationPrincipal Jwt jwt,
                                    @Parameter(description = "Only plans of this host.", example = "3")
                                    @RequestParam(required = false) Long hostId) {
        return catalog.plans(customerId(jwt), hostId).stream().map(CatalogPlanResponse::from).toList();
    }

    private static Long customerId(Jwt jwt) {
        return Caller.customerIdOrNull(jwt);
    }
}
