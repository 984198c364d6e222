package dev.darkmaximus.auth.apikey.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.apikey.ApiKeyView;
import dev.darkmaximus.auth.apikey.ApiScope;

public record ApiKeyResponse(
        @Schema(example = "7") long id,
        @Schema(example = "CRM sync") String name,
        @Schema(description = "The key's first 8 characters, to tell keys apart; the key itself is never shown again.",
                example = "dm_Xq3vR") String prefix,
        List<ApiScope> scopes,
        @Schema(description = "Staff id of the admin who created it.", example = "1") Long createdBy,
        @Schema(example = "2026-11-24T10:15:30Z") Instant createdAt,
        @Schema(description = "Last request with the key, recorded at most once a minute.",
                example = "2026-11-24T11:02:00Z") Instant lastUsedAt,
        @Schema(description = "Set once revoked; a revoked key is refused with 401.",
                example = "2026-11-25T08:00:00Z") Instant revokedAt) {

    static ApiKeyResponse from(ApiKeyView k) {
        return new ApiKeyResponse(k.id(), k.name(), k.prefix(), k.scopes(), k.createdBy(), k.createdAt(),
                k.lastUsedAt(), k.revokedAt());
    }
}
