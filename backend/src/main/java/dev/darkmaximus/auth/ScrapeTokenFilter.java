package dev.darkmaximus.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the operator's Prometheus scrape {@code /actuator/prometheus} with a static bearer token
 * ({@code DM_METRICS_TOKEN}), compared in constant time. Without a configured token nobody can scrape: metrics name
 * hosts and volumes, which is not for the public.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "METRICS";

    private final byte[] token;

    ScrapeTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (token != null && header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip()
                .getBytes(StandardCharsets.UTF_8))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "prometheus", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        }
        chain.doFilter(request, response);
    }
}
