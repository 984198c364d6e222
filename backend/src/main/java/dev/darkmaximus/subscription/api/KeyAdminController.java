package dev.darkmaximus.subscription.api;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyService;
import dev.darkmaximus.subscription.KeyView;
import dev.darkmaximus.subscription.RenewalRoutes;
import dev.darkmaximus.subscription.KeySync;

@RestController
@RequestMapping("/api/v1/admin/keys")
@Tag(name = "admin-keys")
class KeyAdminController {

    private final KeyQueries queries;
    private final KeyService keys;
    private final KeySync sync;
    private final RenewalRoutes routes;

    KeyAdminController(KeyQueries queries, KeyService keys, KeySync sync, RenewalRoutes routes) {
        this.routes = routes;
        this.queries = queries;
        this.keys = keys;
        this.sync = sync;
    }

    @GetMapping
    @Operation(operationId = "listKeys", summary = "List and filter keys, newest first")
    @ApiResponse(responseCode = "200", description = "A page of keys.")
    KeyPage list(
            @Parameter(description = "Only keys on this host.", example = "3") @RequestParam(required = false) Long hostId,
            @Parameter(description = "provisioning, active, expired, revoked, disabled or failed.", example = "active")
            @RequestParam(required = false) String status,
            @Parameter(description = "Only this customer's keys.", example = "17")
            @RequestParam(required = false) Long customerId,
            @Parameter(description = "Only live keys expiring within this many days.", example = "3")
            @RequestParam(required = false) @Min(0) @Max(3650) Integer expiringWithinDays,
            @Parameter(description = "The start of the panel email.", example = "dm1000-")
            @RequestParam(required = false) @Size(max = 128) String email,
            @Parameter(description = "Page size, 1–100.", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor: the id of the last key of the previous page.", example = "120")
            @RequestParam(required = false) Long startingAfter,
            @Parameter(description = "Order by createdAt, expiresAt, status, panelEmail, host or traffic; - for "
                    + "descending. With a sort, pages go by offset instead of the cursor.", example = "expiresAt")
            @RequestParam(required = false) @Size(max = 32) String sort,
            @Parameter(description = "With sort: how many keys to skip.") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int offset) {
        Duration expiring = expiringWithinDays == null ? null : Duration.ofDays(expiringWithinDays);
        return KeyPage.from(sort == null || sort.isBlank()
                ? queries.search(hostId, status, customerId, expiring, email, limit, startingAfter)
                : queries.search(hostId, status, customerId, expiring, email, sort, offset, limit), routes);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getKey", summary = "One key")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    KeyResponse get(@PathVariable long id) {
        return response(queries.get(id));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "enableKey", summary = "Switch a key back on",
            description = "Pushed to the panel in the background. 409 `key_revoked`.")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    KeyResponse enable(@PathVariable long id) {
        return response(keys.setEnabled(id, true));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "disableKey", summary = "Switch a key off (keeps its expiry)",
            description = "Pushed to the panel in the background. 409 `key_revoked`.")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    KeyResponse disable(@PathVariable long id) {
        return response(keys.setEnabled(id, false));
    }

    @PostMapping("/{id}/extend")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "extendKey", summary = "Add days to a key",
            description = "New expiry = max(now, current expiry) + days; an expired key becomes active again. "
                    + "Pushed to the panel in the background. 409 `key_revoked`.")
    @ApiResponse(responseCode = "200", description = "The key with its new expiry.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    KeyResponse extend(@PathVariable long id, @Valid @RequestBody ExtendRequest request) {
        return response(keys.extendByDays(id, request.days()));
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "revokeKey", summary = "Delete a key from its panel and revoke it",
            description = "The panel is asked first; if it does not confirm (502 `panel_unavailable`) the key is left "
                    + "exactly as it was. Revoking a revoked key changes nothing.")
    @ApiResponse(responseCode = "200", description = "The revoked key.")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    KeyResponse revoke(@PathVariable long id) {
        return response(keys.revoke(id));
    }

    @PostMapping("/{id}/resync")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "resyncKey", summary = "Read a key's client from its panel now",
            description = "Takes the panel's expiry, enabled state, traffic limit and usage, unless a change of the "
                    + "shop's is still on its way to the panel. A client missing on the panel is flagged, not "
                    + "recreated. 409 `key_not_syncable`, 502 `panel_unavailable`.")
    @ApiResponse(responseCode = "200", description = "What changed, and the key.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    SyncOutcomeResponse resync(@PathVariable long id) {
        KeyView.SyncOutcome outcome = sync.syncKey(id);
        return SyncOutcomeResponse.from(outcome, response(queries.get(id)));
    }

    private KeyResponse response(KeyView key) {
        return KeyResponse.from(key, routes.of(key));
    }
}
