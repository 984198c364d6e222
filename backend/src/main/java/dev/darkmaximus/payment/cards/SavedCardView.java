package dev.darkmaximus.payment.cards;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A card the customer let the shop keep for auto-renewal, as they see it. */
@Schema(name = "SavedCard", description = "A card saved for auto-renewal: keys set to renew are charged to it first, "
        + "then the balance.")
public record SavedCardView(
        long id,
        @NotNull @Schema(example = "Bank card *4444") String title,
        @NotNull Instant savedAt) {
}
