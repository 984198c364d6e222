package dev.darkmaximus.auth.apikey;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.darkmaximus.auth.Role;

/** An authenticated integrator: role INTEGRATOR plus one {@code SCOPE_<scope>} authority per scope of the key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyPrincipal principal;

    ApiKeyAuthentication(ApiKeyPrincipal principal) {
        super(authorities(principal));
        this.principal = principal;
        // The key's name, for the audit log (which can't know this type): what an admin recognises the key by.
        setDetails(principal.keyName());
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(ApiKeyPrincipal principal) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.INTEGRATOR.name()));
        principal.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s.wire())));
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ApiKeyPrincipal getPrincipal() {
        return principal;
    }
}
