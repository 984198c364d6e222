package dev.darkmaximus.payment.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.Quote;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.payment.CheckoutService;
import dev.darkmaximus.payment.cards.CardConsent;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.web.Caller;

@RestController
@Validated
@Tag(name = "checkout")
class CheckoutController {

    private final OrderService orders;
    private final CheckoutService checkout;
    private final CustomerService customers;
    private final ShopSettings settings;

    CheckoutController(OrderService orders, CheckoutService checkout, CustomerService customers,
                       ShopSettings settings) {
        this.settings = settings;
        this.customers = customers;
        this.orders = orders;
        this.checkout = checkout;
    }

    @GetMapping("/api/v1/me/payment-methods")
    @Operation(operationId = "listPaymentMethods", summary = "Payment methods that can take money now",
            description = "Each with the currency it charges in (YOOKASSA and BALANCE: RUB, STARS: XTR). With a "
                    + "`kind` (and its `planId` or `keyId`), only the methods that can pay for that purchase: priced "
                    + "in their currency, and a top-up by card only. Offer exactly these; an order with another is "
                    + "refused.")
    @ApiResponse(responseCode = "200", description = "The methods, in display order.")
    List<PaymentMethodResponse> methods(@AuthenticationPrincipal Jwt jwt,
                                        @Parameter(description = "The purchase: NEW_KEY (with planId), EXTEND_KEY "
                                                + "(with keyId) or TOP_UP.") @RequestParam(required = false)
                                        OrderKind kind,
                                        @RequestParam(required = false) Long planId,
                                        @RequestParam(required = false) Long keyId) {
        String consent = CardConsent.text(customers.get(Caller.customerId(jwt)).language());
        return orders.methodsFor(Caller.customerId(jwt), kind, planId, keyId).stream()
                .map(m -> PaymentMethodResponse.of(m, kind != OrderKind.TOP_UP ? consent : null,
                        settings.transferInstructions())).toList();
    }

    @PostMapping("/api/v1/quotes")
    @Operation(operationId = "quote", summary = "Price a purchase",
            description = "The exact price with its breakdown (plan price → promo code → referral first-purchase "
                    + "discount, rounded half up, not below the provider's minimum). Nothing is stored; an order "
                    + "created now with the same input gets this price. Promo problems are field errors on "
                    + "`promoCode` (`promo_not_found`, `promo_expired`, `promo_exhausted`, `promo_already_used`, "
                    + "`promo_wrong_plan`, `promo_first_purchase_only`, …).")
    @ApiResponse(responseCode = "200", description = "The quote.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    Quote quote(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PurchaseBody body) {
        return orders.quote(Caller.customerId(jwt), body.toRequest());
    }

    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createOrder", summary = "Create an order and start paying it",
            description = "Fixes the quoted price. YOOKASSA: pay at `payment.confirmationUrl`; STARS: open "
                    + "`payment.confirmationUrl` (an invoice link) with `Telegram.WebApp.openInvoice`; BALANCE: paid "
                    + "at once (409 `insufficient_balance` when it doesn't cover the price — nothing is created). "
                    + "Send an `Idempotency-Key`: repeating it returns the same order, and after a 502 "
                    + "`provider_unavailable` it resumes starting the payment.")
    @ApiResponse(responseCode = "201", description = "The order with its payment.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    OrderView create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PurchaseBody body,
                     @Parameter(description = "A fresh random key per checkout; up to 100 characters.",
                             example = "3f2a9c1e-7b44-4f0e-9d7a-1c2b3d4e5f60")
                     @RequestHeader(name = "Idempotency-Key", required = false)
                     @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}") String idempotencyKey) {
        return checkout.checkout(Caller.customerId(jwt), body.toRequest(), idempotencyKey, body.savingCard());
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(operationId = "getOrder", summary = "One of my orders, with its payment's status",
            description = "Poll it after paying: `status` becomes paid, then fulfilled once the key is ready.")
    @ApiResponse(responseCode = "200", description = "The order.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    OrderView get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return orders.getOwned(Caller.customerId(jwt), id);
    }

    @GetMapping("/api/v1/me/orders")
    @Operation(operationId = "listMyOrders", summary = "My orders and their payments, newest first")
    @ApiResponse(responseCode = "200", description = "The orders.")
    List<OrderView> mine(@AuthenticationPrincipal Jwt jwt,
                         @Parameter(description = "Cursor: the id of the last order of the previous page.")
                         @RequestParam(required = false) Long before,
                         @Parameter(description = "Page size, 1–100.") @RequestParam(defaultValue = "20")
                         @Min(1) @Max(100) int limit) {
        return orders.forCustomer(Caller.customerId(jwt), before, limit);
    }
}
