package dev.darkmaximus.billing.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.PromoCommand;
import dev.darkmaximus.billing.PromoKind;
import dev.darkmaximus.billing.PromoRedemptionView;
import dev.darkmaximus.billing.PromoService;
import dev.darkmaximus.billing.PromoView;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/admin/promo-codes")
@Validated
@Tag(name = "admin-promo-codes")
class PromoAdminController {

    private final PromoService promos;

    PromoAdminController(PromoService promos) {
        this.promos = promos;
    }

    @GetMapping
    @Operation(operationId = "listPromoCodes", summary = "All promo codes, newest first")
    @ApiResponse(responseCode = "200", description = "The codes.")
    List<PromoView> list() {
        return promos.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPromoCode", summary = "One promo code")
    @ApiResponse(responseCode = "200", description = "The code.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PromoView get(@PathVariable long id) {
        return promos.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "createPromoCode", summary = "Create a promo code",
            description = "Codes are case-insensitive and unique (409 `promo_code_taken`). Audited.")
    @ApiResponse(responseCode = "201", description = "The code.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    PromoView create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PromoBody body) {
        return promos.create(body.toCommand(), Caller.staffId(jwt));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "updatePromoCode", summary = "Change a promo code (set active=false to switch it off)",
            description = "Uses so far are kept. Audited.")
    @ApiResponse(responseCode = "200", description = "The code.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    PromoView update(@PathVariable long id, @Valid @RequestBody PromoBody body) {
        return promos.update(id, body.toCommand());
    }

    @GetMapping("/{id}/redemptions")
    @Operation(operationId = "listPromoRedemptions", summary = "Uses of a promo code, newest first")
    @ApiResponse(responseCode = "200", description = "The uses.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    List<PromoRedemptionView> redemptions(@PathVariable long id,
                                          @Parameter(description = "Cursor: the last id of the previous page.")
                                          @RequestParam(required = false) Long before,
                                          @Parameter(description = "Page size, 1–100.")
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return promos.redemptions(id, before, limit);
    }

    @Schema(name = "PromoCodeRequest", description = "value: percent (1–100), minor units (FIXED, BALANCE_BONUS) or days "
            + "(BONUS_DAYS). planIds empty = every plan.")
    record PromoBody(@NotBlank @Size(max = 64) @Schema(example = "SPRING25") String code,
                     @NotNull @Schema(example = "PERCENT") PromoKind kind,
                     @NotNull @Positive @Schema(example = "25") Long value,
                     @Schema(example = "RUB") Currency currency,
                     Instant validFrom,
                     Instant validUntil,
                     @Positive @Schema(example = "100") Integer totalLimit,
                     @Positive @Schema(example = "1") Integer perCustomerLimit,
                     Boolean firstPurchaseOnly,
                     @Schema(example = "true") Boolean active,
                     List<Long> planIds) {

        PromoCommand toCommand() {
            return new PromoCommand(code, kind, value, currency, validFrom, validUntil, totalLimit,
                    perCustomerLimit == null ? 1 : perCustomerLimit, Boolean.TRUE.equals(firstPurchaseOnly),
                    active == null || active,
                    planIds == null ? List.of() : planIds);
        }
    }
}
