package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.IssuedToken;
import dev.darkmaximus.auth.Role;

public record TokenResponse(
        @Schema(description = "RS256 JWT for the Authorization: Bearer header.", example = "eyJhbGciOiJSUzI1NiJ9...")
        String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the token expires.", example = "900") long expiresIn,
        Role role) {

    static TokenResponse from(IssuedToken token) {
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds(), token.role());
    }
}
