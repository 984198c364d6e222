package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AdminLoginRequest(
        @Schema(example = "admin") @NotBlank @Size(max = 64) String username,
        @Schema(example = "correct horse battery staple", format = "password") @NotBlank @Size(max = 200) String password,
        @Schema(description = "The current 6-digit code from the authenticator app; required once the account has "
                + "two-factor sign-in.", example = "287082") @Size(max = 16) String totp) {

    @Override
    public String toString() {
        return "AdminLoginRequest[username=" + username + "]";
    }
}
