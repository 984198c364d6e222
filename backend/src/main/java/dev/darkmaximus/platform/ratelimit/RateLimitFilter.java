package dev.darkmaximus.platform.ratelimit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-IP budgets to the API before authentication, so a flood of bad logins costs us no password
 * hashing. Sign-in endpoints get the strict budget; everything else under /api the public one; the public
 * subscription pages (/s/…) one of their own, so guessing subscription ids is slow and a page can't eat the API's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitGate gate;
    private final RateLimitProperties properties;

    RateLimitFilter(RateLimitGate gate, RateLimitProperties properties) {
        this.gate = gate;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !properties.enabled() || !(path.startsWith("/api/") || path.startsWith("/s/"));
    }

    /**
     * The path the application routes by: decoded and normalized by the servlet container ("/%61pi//v1/auth/x" is
     * "/api/v1/auth/x"), never the raw request URI, so encoding a path can't move a request into another bucket or
     * out of every bucket.
     */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.replaceAll("/{2,}", "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean post = "POST".equals(request.getMethod());
        String uri = path(request);
        // Sign-in and checkout get small budgets of their own; provider webhooks one that a busy shop can't exhaust;
        // integrators one as large as a key's own budget (applied after authentication), so an integrator's single
        // address never runs out before its key does.
        String bucket = uri.startsWith("/s/") ? "page"
                : post && uri.startsWith("/api/v1/auth/") ? "login"
                : post && uri.equals("/api/v1/orders") ? "checkout"
                : post && uri.startsWith("/api/v1/webhooks/") ? "webhook"
                : request.getHeader("X-Api-Key") != null ? "integrator" : "api";
        int budget = switch (bucket) {
            case "login" -> properties.loginPerMinute();
            case "checkout" -> properties.checkoutPerMinute();
            case "webhook" -> properties.webhookPerMinute();
            case "integrator" -> properties.apiKeyPerMinute();
            case "page" -> properties.pagePerMinute();
            default -> properties.publicPerMinute();
        };
        if (gate.admit(bucket + ":" + request.getRemoteAddr(), budget, response)) {
            chain.doFilter(request, response);
        }
    }
}
