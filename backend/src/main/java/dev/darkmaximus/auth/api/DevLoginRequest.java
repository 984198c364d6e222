package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record DevLoginRequest(
        @Schema(example = "1") @NotNull @Positive Long telegramId,
        @Schema(example = "Dev") @Size(max = 128) String firstName,
        @Schema(example = "dev") @Size(max = 64) String username,
        @Schema(example = "en") @Pattern(regexp = "ru|en") String language) {
}
