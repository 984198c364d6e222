package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AdminLoginRequest(
        @Schema(example = "admin") @NotBlank @Size(max = 64) String username,
        @Schema(example = "correct horse battery staple", format = "password") @NotBlank @Size(max = 200) String password) {

    @Override
    public String toString() {
        return "AdminLoginRequest[username=" + username + "]";
    }
}
