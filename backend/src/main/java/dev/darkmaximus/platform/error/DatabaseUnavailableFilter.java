package dev.darkmaximus.platform.error;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database down while a filter, not a controller, reads it (the signed-in account's check, an integrator's API
 * key): the same prompt 503 {@code database_unavailable} with Retry-After that {@link ProblemAdvice} gives
 * controllers, instead of the container's bare 500. Runs outside the security filters, inside the request id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Set<Class<? extends Exception>> UNAVAILABLE = Set.of(CannotGetJdbcConnectionException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class);

    private final ProblemWriter problems;

    public DatabaseUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!unavailable(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemAdvice.DATABASE_RETRY_AFTER_SECONDS);
            problems.write(response, ProblemAdvice.databaseUnavailable());
        }
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Exception> type : UNAVAILABLE) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
