package dev.darkmaximus.auth.apikey;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;
import dev.darkmaximus.platform.ratelimit.RateLimitGate;

/**
 * Authenticates requests carrying {@code X-Api-Key} and applies the key's own request budget. A request without the
 * header passes untouched (bearer tokens are another filter's job); a bad key is refused at once rather than treated
 * as anonymous, so an integrator with a revoked key learns why. Built by the security configuration, not a bean, so
 * the servlet container doesn't run it a second time outside the security chain.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";

    private final ApiKeyService keys;
    private final RateLimitGate rateLimits;
    private final ProblemWriter problems;

    public ApiKeyAuthenticationFilter(ApiKeyService keys, RateLimitGate rateLimits, ProblemWriter problems) {
        this.keys = keys;
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeyPrincipal principal = keys.authenticate(presented.strip()).orElse(null);
        if (principal == null) {
            problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "invalid_api_key",
                    "The API key is unknown or revoked."));
            return;
        }
        if (!rateLimits.admitApiKey(principal.keyId(), response)) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(principal));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
