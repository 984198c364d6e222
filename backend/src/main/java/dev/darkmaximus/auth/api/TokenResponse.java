package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.IssuedToken;
import dev.darkmaximus.auth.Role;

public record TokenResponse(
        @Schema(description = "RS256 JWT for the Authorization: Bearer header.", example = "eyJhbGciOiJSUzI1NiJ9...")
        String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires.", example = "900") long expiresIn,
        Role role,
        @Schema(description = "Single-use token for refreshToken; each renewal returns a new one.",
                example = "q8V3nJ0m2c4Xb7yZ1aK9tR5uW6eP0sD2fG4hJ8kL1zQ")
        String refreshToken,
        @Schema(description = "Seconds until the refresh token expires.", example = "604800") long refreshExpiresIn) {

    static TokenResponse from(IssuedToken token) {
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds(), token.role(),
                token.refreshToken(), token.refreshExpiresInSeconds());
    }
}
