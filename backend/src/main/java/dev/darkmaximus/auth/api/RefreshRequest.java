package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RefreshRequest(
        @Schema(description = "The refreshToken from the previous sign-in or renewal; it works once.",
                example = "q8V3nJ0m2c4Xb7yZ1aK9tR5uW6eP0sD2fG4hJ8kL1zQ")
        @NotBlank @Size(max = 200) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
