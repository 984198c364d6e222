package dev.darkmaximus.customer.api;

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

import dev.darkmaximus.customer.CustomerService;

@RestController
@RequestMapping("/api/v1/admin/customers")
@Tag(name = "admin-customers")
class CustomerAdminController {

    private final CustomerService customers;

    CustomerAdminController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(operationId = "listCustomers", summary = "List or search customers, newest first")
    @ApiResponse(responseCode = "200", description = "A page of customers.")
    CustomerPage list(
            @Parameter(description = "Public number or Telegram id (exact), or the start of a username or name.",
                    example = "ivan") @RequestParam(required = false) @Size(max = 100) String q,
            @Parameter(description = "Page size, 1–100.", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor: the id of the last customer of the previous page.", example = "120")
            @RequestParam(required = false) Long startingAfter,
            @Parameter(description = "Order by number, registeredAt, username, name, telegramId or language; - for "
                    + "descending. With a sort, pages go by offset instead of the cursor.", example = "-registeredAt")
            @RequestParam(required = false) @Size(max = 32) String sort,
            @Parameter(description = "With sort: how many customers to skip.") @RequestParam(defaultValue = "0")
            @Min(0) @Max(100_000) int offset) {
        return CustomerPage.from(sort == null || sort.isBlank() ? customers.search(q, limit, startingAfter)
                : customers.search(q, sort, offset, limit));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCustomer", summary = "One customer")
    @ApiResponse(responseCode = "200", description = "The customer.")
    CustomerResponse get(@PathVariable long id) {
        return CustomerResponse.from(customers.get(id));
    }

    @PostMapping("/{id}/ban")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "banCustomer", summary = "Ban a customer",
            description = "A banned customer can't sign in and gets only an \"access restricted\" message from the bot.")
    @ApiResponse(responseCode = "200", description = "The banned customer.")
    CustomerResponse ban(@PathVariable long id, @Valid @RequestBody BanRequest request) {
        return CustomerResponse.from(customers.ban(id, request.reason()));
    }

    @PostMapping("/{id}/trial-reset")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "resetCustomerTrial", summary = "Let a customer take the trial again",
            description = "Counted on the customer (trialResets) and audited.")
    @ApiResponse(responseCode = "200", description = "The customer, trial available again.")
    CustomerResponse resetTrial(@PathVariable long id) {
        return CustomerResponse.from(customers.resetTrial(id));
    }

    @PostMapping("/{id}/unban")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "unbanCustomer", summary = "Lift a customer's ban")
    @ApiResponse(responseCode = "200", description = "The customer, no longer banned.")
    CustomerResponse unban(@PathVariable long id) {
        return CustomerResponse.from(customers.unban(id));
    }
}
