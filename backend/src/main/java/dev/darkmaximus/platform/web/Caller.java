package dev.darkmaximus.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.darkmaximus.platform.error.ApiException;

/**
 * Who is calling, read from our access token's subject ("customer:&lt;id&gt;" or "staff:&lt;id&gt;", written by
 * auth's {@code TokenService}). Here rather than in auth so a feature's controller can name its caller without
 * depending on how tokens are issued.
 */
public final class Caller {

    public static final String CUSTOMER_PREFIX = "customer:";
    public static final String STAFF_PREFIX = "staff:";
    public static final String API_KEY_PREFIX = "apikey:";

    private Caller() {
    }

    /** The customer id of a customer token; routes under /me are only reachable with one. */
    public static long customerId(Jwt jwt) {
        Long id = idAfter(jwt, CUSTOMER_PREFIX);
        if (id == null) {
            throw new IllegalStateException("not a customer token");
        }
        return id;
    }

    /** The customer id of a customer token, or null for anyone else (anonymous, staff, integrators). */
    public static Long customerIdOrNull(Jwt jwt) {
        return idAfter(jwt, CUSTOMER_PREFIX);
    }

    /** The staff id of a staff token, or null for anything else (integrators, customers). */
    public static Long staffId(Jwt jwt) {
        return idAfter(jwt, STAFF_PREFIX);
    }

    /**
     * Refuses an integrator's key that lacks {@code scope} (403 {@code scope_missing}, naming it), so each integrator
     * endpoint states the one scope it needs where it is declared.
     */
    public static void requireScope(Authentication caller, String scope) {
        boolean granted = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> ("SCOPE_" + scope).equals(authority.getAuthority()));
        if (!granted) {
            throw new ApiException(HttpStatus.FORBIDDEN, "scope_missing",
                    "This API key lacks the scope " + scope + ".").with("scope", scope);
        }
    }

    /** The id of the integrator's key the request came with ({@code apikey:<id>}); null for anyone else. */
    public static Long apiKeyId(Authentication caller) {
        String name = caller == null ? null : caller.getName();
        if (name == null || !name.startsWith(API_KEY_PREFIX)) {
            return null;
        }
        try {
            return Long.parseLong(name.substring(API_KEY_PREFIX.length()));
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static Long idAfter(Jwt jwt, String prefix) {
        String subject = jwt == null ? null : jwt.getSubject();
        if (subject == null || !subject.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.parseLong(subject.substring(prefix.length()));
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }
}
