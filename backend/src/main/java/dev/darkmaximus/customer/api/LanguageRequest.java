package dev.darkmaximus.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

public record LanguageRequest(
        @Schema(description = "The language of everything the shop says to me.", example = "en",
                allowableValues = {"ru", "en"})
        @NotNull String language) {
}
