package dev.darkmaximus.subscription.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.web.Caller;
import dev.darkmaximus.subscription.IntegratorKeys;

/** Keys an integrator issues, reads, extends and revokes for a customer, under the {@code keys:write} scope. */
@RestController
@Validated
@RequestMapping("/api/v1/integrations/customers/{telegramId}/keys")
@Tag(name = "integrations")
@SecurityRequirement(name = "apiKey")
class IntegrationKeysController {

    private static final String SCOPE = "keys:write";

    private final IntegratorKeys keys;
    private final CustomerService customers;

    IntegrationKeysController(IntegratorKeys keys, CustomerService customers) {
        this.keys = keys;
        this.customers = customers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "integrationCreateKey", summary = "Issue a key on a plan for a customer",
            description = "Needs `keys:write`. For a customer you sold to yourself: the key is made as the shop's own "
                    + "order makes it (a plan on sale to this customer, its host, duration and traffic) and answered "
                    + "`provisioning`; its links come once the panel has it (`key.created` event, or read it). No "
                    + "order or payment is recorded in the shop.")
    @ApiResponse(responseCode = "201", description = "The key, being prepared.")
    IntegrationKeyResponse create(Authentication key, @PathVariable long telegramId,
                                  @Valid @RequestBody NewKeyBody body) {
        Caller.requireScope(key, SCOPE);
        return IntegrationKeyResponse.from(keys.create(customerId(telegramId), body.planId()));
    }

    @GetMapping
    @Operation(operationId = "integrationListKeys", summary = "The customer's keys, revoked ones included",
            description = "Needs `keys:write`.")
    @ApiResponse(responseCode = "200", description = "The keys, oldest first.")
    List<IntegrationKeyResponse> list(Authentication key, @PathVariable long telegramId) {
        Caller.requireScope(key, SCOPE);
        return keys.of(customerId(telegramId)).stream().map(IntegrationKeyResponse::from).toList();
    }

    @GetMapping("/{keyId}")
    @Operation(operationId = "integrationGetKey", summary = "One of the customer's keys, with its links",
            description = "Needs `keys:write`.")
    @ApiResponse(responseCode = "200", description = "The key.")
    IntegrationKeyResponse get(Authentication key, @PathVariable long telegramId, @PathVariable long keyId) {
        Caller.requireScope(key, SCOPE);
        return IntegrationKeyResponse.from(keys.get(customerId(telegramId), keyId));
    }

    @PostMapping("/{keyId}/extend")
    @Operation(operationId = "integrationExtendKey", summary = "Extend a key by days or by a plan's term",
            description = "Needs `keys:write`. Time is added from max(now, expiry). With `planId` the key gets one "
                    + "term of that plan (on sale to the customer, on the key's host) and becomes a key on it.")
    @ApiResponse(responseCode = "200", description = "The key with its new expiry.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    IntegrationKeyResponse extend(Authentication key, @PathVariable long telegramId, @PathVariable long keyId,
                                  @Valid @RequestBody ExtendKeyBody body) {
        Caller.requireScope(key, SCOPE);
        return IntegrationKeyResponse.from(keys.extend(customerId(telegramId), keyId, body.days(), body.planId()));
    }

    @PostMapping("/{keyId}/revoke")
    @Operation(operationId = "integrationRevokeKey", summary = "Revoke a key",
            description = "Needs `keys:write`. The panel deletes the client first; if it does not confirm, the key "
                    + "stays as it was (502) and the same request can be retried. Revoking a revoked key answers it.")
    @ApiResponse(responseCode = "200", description = "The revoked key.")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    IntegrationKeyResponse revoke(Authentication key, @PathVariable long telegramId, @PathVariable long keyId) {
        Caller.requireScope(key, SCOPE);
        return IntegrationKeyResponse.from(keys.revoke(customerId(telegramId), keyId));
    }

    private long customerId(long telegramId) {
        return customers.findByTelegramId(telegramId).orElseThrow(() -> ApiException.notFound("Customer", telegramId))
                .id();
    }

    record NewKeyBody(@Schema(description = "A plan on sale to this customer.", example = "5")
                      @NotNull @Positive Long planId) {
    }

    record ExtendKeyBody(@Schema(description = "Days to add; or give planId instead.", example = "30")
                         @Min(1) @Max(3650) Integer days,
                         @Schema(description = "A plan whose one term to add; or give days instead.", example = "5")
                         @Positive Long planId) {
    }
}
