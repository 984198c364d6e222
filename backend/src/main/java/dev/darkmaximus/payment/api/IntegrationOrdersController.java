package dev.darkmaximus.payment.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.Quote;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.payment.CheckoutService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.web.Caller;

/**
 * Orders an integrator places for a customer (SPEC §15), under the key's {@code orders:write} scope: the same
 * prices, gates, budget and payment flow as the customer's own checkout.
 */
@RestController
@Validated
@RequestMapping("/api/v1/integrations/customers/{telegramId}")
@Tag(name = "integrations")
@SecurityRequirement(name = "apiKey")
class IntegrationOrdersController {

    private static final String SCOPE = "orders:write";

    private final CheckoutService checkout;
    private final OrderService orders;
    private final CustomerService customers;

    IntegrationOrdersController(CheckoutService checkout, OrderService orders, CustomerService customers) {
        this.checkout = checkout;
        this.orders = orders;
        this.customers = customers;
    }

    @PostMapping("/quotes")
    @Operation(operationId = "integrationQuote", summary = "Price a purchase for a customer",
            description = "Needs `orders:write`. As `quote` for the customer's own checkout; nothing is stored.")
    @ApiResponse(responseCode = "200", description = "The quote.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    Quote quote(Authentication key, @PathVariable long telegramId, @Valid @RequestBody PurchaseBody body) {
        Caller.requireScope(key, SCOPE);
        return orders.quote(customerId(telegramId), body.toRequest());
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "integrationCreateOrder", summary = "Create an order for a customer and start paying it",
            description = "Needs `orders:write`. As `createOrder`: YOOKASSA answers a `payment.confirmationUrl` to "
                    + "send the customer to; BALANCE pays at once from the customer's balance (409 "
                    + "`insufficient_balance`). The `Idempotency-Key` is required: for 24 h a replay answers the "
                    + "first request's response again (`Idempotent-Replayed: true`; read the order for its state "
                    + "now), concurrent replays wait for the first, and the same key with another purchase is 409 "
                    + "`idempotency_key_reused`. Keys are the integrator's own: another key's, or the customer's, "
                    + "never collide with them.")
    @ApiResponse(responseCode = "201", description = "The order with its payment.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    OrderView create(Authentication key, @PathVariable long telegramId, @Valid @RequestBody PurchaseBody body,
                     @Parameter(description = "A fresh random key per purchase; up to 78 characters.",
                             example = "3f2a9c1e-7b44-4f0e-9d7a-1c2b3d4e5f60")
                     @RequestHeader(name = "Idempotency-Key")
                     @Pattern(regexp = "[A-Za-z0-9_.:-]{1,78}") String idempotencyKey) {
        Caller.requireScope(key, SCOPE);
        // Namespaced by the integrator's key with a '#' no customer's key may contain, so its retries never meet the
        // customer's own checkout keys or another key's (the column holds 100: '#', the id and ':' fit beside 78).
        if (body.savingCard()) {
            // Consent to keep a card is the customer's own, given where they are shown its words.
            throw InvalidInputException.field("saveCard", "card_saving_unavailable",
                    "a customer saves a card themselves, in the bot or the Mini App");
        }
        return checkout.checkout(customerId(telegramId), body.toRequest(),
                "#" + Caller.apiKeyId(key) + ":" + idempotencyKey);
    }

    @GetMapping("/orders/{id}")
    @Operation(operationId = "integrationGetOrder", summary = "One of the customer's orders",
            description = "Needs `orders:write`. Poll it after the customer paid: paid, then fulfilled.")
    @ApiResponse(responseCode = "200", description = "The order.")
    OrderView get(Authentication key, @PathVariable long telegramId, @PathVariable long id) {
        Caller.requireScope(key, SCOPE);
        return orders.getOwned(customerId(telegramId), id);
    }

    @GetMapping("/orders")
    @Operation(operationId = "integrationListOrders", summary = "The customer's orders, newest first",
            description = "Needs `orders:write`.")
    @ApiResponse(responseCode = "200", description = "The orders.")
    List<OrderView> list(Authentication key, @PathVariable long telegramId,
                         @Parameter(description = "Cursor: the id of the last order of the previous page.")
                         @RequestParam(required = false) Long before,
                         @Parameter(description = "Page size, 1–100.") @RequestParam(defaultValue = "20")
                         @Min(1) @Max(100) int limit) {
        Caller.requireScope(key, SCOPE);
        return orders.forCustomer(customerId(telegramId), before, limit);
    }

    private long customerId(long telegramId) {
        return customers.findByTelegramId(telegramId).orElseThrow(() -> ApiException.notFound("Customer", telegramId))
                .id();
    }
}
