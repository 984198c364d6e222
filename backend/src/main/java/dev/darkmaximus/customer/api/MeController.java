package dev.darkmaximus.customer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me")
class MeController {

    private final CustomerService customers;

    MeController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(operationId = "getMe", summary = "The signed-in customer's profile")
    @ApiResponse(responseCode = "200", description = "The profile.")
    CustomerResponse me(@AuthenticationPrincipal Jwt jwt) {
        return CustomerResponse.from(customers.get(Caller.customerId(jwt)));
    }

    @PostMapping("/terms")
    @Operation(operationId = "acceptMyTerms", summary = "Accept the shop's terms and privacy policy",
            description = "When the shop requires it, buying and taking a trial answer 403 `terms_not_accepted` "
                    + "until the customer has accepted (here, or in the bot). Accepting again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The profile.")
    CustomerResponse acceptTerms(@AuthenticationPrincipal Jwt jwt) {
        return CustomerResponse.from(customers.acceptTerms(Caller.customerId(jwt)));
    }

    @PutMapping("/language")
    @Operation(operationId = "setMyLanguage", summary = "Choose ru or en for the bot, the Mini App and messages")
    @ApiResponse(responseCode = "200", description = "The profile.")
    CustomerResponse language(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody LanguageRequest request) {
        return CustomerResponse.from(customers.setLanguage(Caller.customerId(jwt), request.language()));
    }

    @PutMapping("/auto-renew")
    @Operation(operationId = "setMyAutoRenewDefault", summary = "Turn auto-renewal on or off for all my keys",
            description = "Applies to keys whose own setting is inherit; a key set to on or off keeps its choice.")
    @ApiResponse(responseCode = "200", description = "The profile.")
    CustomerResponse autoRenewDefault(@AuthenticationPrincipal Jwt jwt,
                                      @Valid @RequestBody AutoRenewDefaultRequest request) {
        long id = Caller.customerId(jwt);
        customers.setAutoRenewDefault(id, request.enabled());
        return CustomerResponse.from(customers.get(id));
    }
}
