package dev.darkmaximus.messaging;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;
import dev.darkmaximus.platform.web.Caller;

/**
 * In maintenance mode, what customers (and integrators acting for them) would use answers 503 {@code maintenance}
 * with the "back soon" text as the problem's detail, which the Mini App shows as it is. Staff, sign-in for staff,
 * payment providers' webhooks, Telegram's webhook, health and metrics are untouched; so is reading the integrators'
 * event feed. Runs after authentication, to know a customer's language.
 */
@Component
@Order(-50)
class MaintenanceFilter extends OncePerRequestFilter {

    /** Customer routes: the Mini App's sign-in and everything it calls. */
    private static final List<String> CUSTOMER = List.of("/api/v1/me", "/api/v1/orders", "/api/v1/quotes",
            "/api/v1/catalog", "/api/v1/auth/telegram", "/api/v1/auth/dev");

    private final Maintenance maintenance;
    private final CustomerService customers;
    private final ProblemWriter problems;

    MaintenanceFilter(Maintenance maintenance, CustomerService customers, ProblemWriter problems) {
        this.maintenance = maintenance;
        this.customers = customers;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean customerRoute = CUSTOMER.stream().anyMatch(route -> path.equals(route) || path.startsWith(route + "/"));
        boolean integratorWrite = path.startsWith("/api/v1/integrations/") && !"GET".equals(request.getMethod());
        return !(customerRoute || integratorWrite) || !maintenance.on();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "maintenance",
                maintenance.text(language(request)));
        response.setHeader(HttpHeaders.RETRY_AFTER, "300");
        problems.write(response, problem);
    }

    /** The signed-in customer's language; before sign-in, the browser's (Telegram's app language). */
    private String language(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Long customerId = auth != null && auth.getPrincipal() instanceof Jwt jwt ? Caller.customerIdOrNull(jwt) : null;
        if (customerId != null) {
            return customers.get(customerId).language();
        }
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return accepted != null && accepted.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "ru";
    }
}
