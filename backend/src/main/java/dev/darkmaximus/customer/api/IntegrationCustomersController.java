package dev.darkmaximus.customer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.TelegramProfile;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.web.Caller;

/** Customers for integrators (SPEC §15), keyed by Telegram id, under the key's {@code customers:write} scope. */
@RestController
@Validated
@RequestMapping("/api/v1/integrations/customers")
@Tag(name = "integrations")
@SecurityRequirement(name = "apiKey")
class IntegrationCustomersController {

    private static final String SCOPE = "customers:write";

    private final CustomerService customers;

    IntegrationCustomersController(CustomerService customers) {
        this.customers = customers;
    }

    @PutMapping("/{telegramId}")
    @Operation(operationId = "integrationUpsertCustomer", summary = "Create or refresh a customer by Telegram id",
            description = "Needs `customers:write` (403 `scope_missing` names it). Creates the customer as a first "
                    + "contact with the bot would (201), or refreshes their names (200). Audited under the key.")
    @ApiResponse(responseCode = "200", description = "The customer existed; names refreshed.")
    @ApiResponse(responseCode = "201", description = "The customer was created.")
    ResponseEntity<CustomerResponse> upsert(Authentication key,
                                            @Parameter(example = "123456789") @PathVariable @Positive long telegramId,
                                            @Valid @RequestBody IntegratorCustomerRequest body) {
        Caller.requireScope(key, SCOPE);
        CustomerService.Contact contact = customers.upsertForIntegrator(new TelegramProfile(telegramId,
                body.username(), body.firstName(), body.lastName(), body.language()));
        return ResponseEntity.status(contact.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CustomerResponse.from(contact.customer()));
    }

    @GetMapping("/{telegramId}")
    @Operation(operationId = "integrationGetCustomer", summary = "A customer by Telegram id",
            description = "Needs `customers:write`. 404 when the shop has no such customer.")
    @ApiResponse(responseCode = "200", description = "The customer.")
    CustomerResponse get(Authentication key, @Parameter(example = "123456789") @PathVariable long telegramId) {
        Caller.requireScope(key, SCOPE);
        return customers.findByTelegramId(telegramId).map(CustomerResponse::from)
                .orElseThrow(() -> ApiException.notFound("Customer", telegramId));
    }

    @GetMapping
    @Operation(operationId = "integrationListCustomers", summary = "Customers, newest first",
            description = "Needs `customers:write`. Page with `startingAfter` = the last id of the previous page.")
    @ApiResponse(responseCode = "200", description = "A page of customers.")
    CustomerPage list(Authentication key,
                      @Parameter(description = "Cursor: the last id of the previous page.")
                      @RequestParam(required = false) Long startingAfter,
                      @Parameter(description = "Page size, 1–100.")
                      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        Caller.requireScope(key, SCOPE);
        return CustomerPage.from(customers.search(null, limit, startingAfter));
    }

    @Schema(name = "IntegratorCustomerRequest", description = "What the integrator knows of the customer's Telegram "
            + "account; names are refreshed on every call.")
    record IntegratorCustomerRequest(@Size(max = 64) @Schema(example = "ivan_petrov") String username,
                                     @Size(max = 128) @Schema(example = "Ivan") String firstName,
                                     @Size(max = 128) @Schema(example = "Petrov") String lastName,
                                     @Pattern(regexp = "ru|en") @Schema(example = "ru", allowableValues = {"ru", "en"})
                                     String language) {
    }
}
