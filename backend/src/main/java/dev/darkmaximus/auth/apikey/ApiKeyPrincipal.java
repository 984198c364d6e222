package dev.darkmaximus.auth.apikey;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The integrator behind a request authenticated by {@code X-Api-Key}. Its name, "apikey:&lt;id&gt;", is what logs
 * and the audit log show, like "staff:3" for a token.
 */
public record ApiKeyPrincipal(long keyId, String keyName, List<ApiScope> scopes) implements Principal {

    public static final String NAME_PREFIX = "apikey:";

    @Override
    public String getName() {
        return NAME_PREFIX + keyId;
    }

    /** Scopes as stored (space-separated); a scope this version doesn't know is skipped, not an error. */
    static List<ApiScope> parseScopes(String stored) {
        return Arrays.stream(stored.trim().split("\\s+")).map(ApiScope::fromWire).flatMap(Optional::stream)
                .sorted().toList();
    }
}
