package dev.darkmaximus.payment.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.payment.cards.SavedCardView;
import dev.darkmaximus.payment.cards.SavedCards;
import dev.darkmaximus.platform.web.Caller;

/** The customer's cards saved for auto-renewal: see them, remove them. */
@RestController
@Tag(name = "checkout")
class MyCardsController {

    private final SavedCards cards;

    MyCardsController(SavedCards cards) {
        this.cards = cards;
    }

    @GetMapping("/api/v1/me/cards")
    @Operation(operationId = "listMyCards", summary = "My cards saved for auto-renewal",
            description = "Keys set to renew are charged to the newest card first, then the balance.")
    @ApiResponse(responseCode = "200", description = "The cards, newest first.")
    List<SavedCardView> list(@AuthenticationPrincipal Jwt jwt) {
        return cards.of(Caller.customerId(jwt));
    }

    @DeleteMapping("/api/v1/me/cards/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeMyCard", summary = "Remove a saved card",
            description = "The card is never charged again; renewals fall back to the balance.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    void remove(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        cards.removeOwn(Caller.customerId(jwt), id);
    }
}
