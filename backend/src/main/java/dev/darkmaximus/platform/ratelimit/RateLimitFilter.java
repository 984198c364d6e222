package dev.darkmaximus.platform.ratelimit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;

/**
 * Applies the per-IP budgets to the API before authentication, so a flood of bad logins costs us no password
 * hashing. Sign-in endpoints get the strict budget; everything else under /api the public one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ProblemWriter problems) {
        this.limiter = limiter;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean post = "POST".equals(request.getMethod());
        String uri = request.getRequestURI();
        // Sign-in and checkout get small budgets of their own; provider webhooks one that a busy shop can't exhaust.
        String bucket = !post ? "api" : uri.startsWith("/api/v1/auth/") ? "login"
                : uri.equals("/api/v1/orders") ? "checkout" : uri.startsWith("/api/v1/webhooks/") ? "webhook" : "api";
        int budget = switch (bucket) {
            case "login" -> properties.loginPerMinute();
            case "checkout" -> properties.checkoutPerMinute();
            case "webhook" -> properties.webhookPerMinute();
            default -> properties.publicPerMinute();
        };
        RateLimiter.Decision decision = limiter.tryConsume(bucket + ":" + request.getRemoteAddr(), budget);
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many requests; retry after " + decision.retryAfterSeconds() + " s."));
            return;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        chain.doFilter(request, response);
    }
}
