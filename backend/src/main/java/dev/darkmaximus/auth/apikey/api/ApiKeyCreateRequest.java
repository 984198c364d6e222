package dev.darkmaximus.auth.apikey.api;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.darkmaximus.auth.apikey.ApiScope;

public record ApiKeyCreateRequest(
        @Schema(description = "Who uses the key, for people reading the list.", example = "CRM sync")
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "What the key may do; at least one.", example = "[\"catalog:read\", \"orders:write\"]")
        @NotEmpty Set<@NotNull ApiScope> scopes) {
}
