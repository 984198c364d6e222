package dev.darkmaximus.auth.apikey;

import java.time.Instant;
import java.util.List;

import dev.darkmaximus.auth.persistence.ApiKey;

/** An integrator's key as admins see it: the prefix identifies it, the key itself is never shown again. */
public record ApiKeyView(long id, String name, String prefix, List<ApiScope> scopes, Long createdBy,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    static ApiKeyView from(ApiKey k) {
        return new ApiKeyView(k.id(), k.name(), k.keyPrefix(), ApiKeyPrincipal.parseScopes(k.scopes()), k.createdBy(),
                k.createdAt(), k.lastUsedAt(), k.revokedAt());
    }
}
