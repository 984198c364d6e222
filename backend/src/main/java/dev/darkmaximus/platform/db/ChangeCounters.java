package dev.darkmaximus.platform.db;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counters the database moves in the transaction of every change that a cache on any node must not outlive
 * (migrations 017 and 026): {@code catalog} for what is on sale, {@code accounts} for who may act. A cache keeps what
 * it read together with the counter it read first, and is current while the counter hasn't moved.
 * <p>
 * Each is a row of its own (so a long transaction that changes the catalog never holds up a ban); both are read in
 * one round trip. A read-only request (GET, HEAD) reads them once and reuses them for its whole length, so a
 * signed-in storefront costs one query (make bench, issue 24); a request that may write reads them anew each time,
 * so it never meets its own change through a cache.
 * <p>
 * Outside a transaction, callers arriving together share one read that started after each of them arrived
 * ({@link SharedRead}): a storm of storefront requests costs a read per round trip, not per request, and a change
 * committed before a request arrived is still seen by it.
 */
@Component
public class ChangeCounters {

    private static final String HELD = ChangeCounters.class.getName();

    private final JdbcClient jdbc;
    /**
     * A shared read takes about a millisecond; after half a second behind a stuck one, a caller starts the shared read
     * itself (SharedRead). Under a saturated pool that costs one extra read per half second, not one per caller.
     */
    private final SharedRead<Counters> shared = new SharedRead<>(this::read, Duration.ofMillis(500));

    public ChangeCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Counters(long catalog, long accounts) {
    }

    public Counters current() {
        ServletRequestAttributes request = readOnlyRequest();
        if (request != null && request.getAttribute(HELD, RequestAttributes.SCOPE_REQUEST) instanceof Counters held) {
            return held;
        }
        // In a transaction, through it: a change it made is seen by its own next read.
        Counters read = TransactionSynchronizationManager.isActualTransactionActive() ? read() : shared.get();
        if (request != null) {
            request.setAttribute(HELD, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
    }

    private Counters read() {
        return jdbc.sql("""
                        SELECT max(value) FILTER (WHERE name = 'catalog'), max(value) FILTER (WHERE name = 'accounts')
                        FROM change_counters""")
                .query((rs, row) -> new Counters(rs.getLong(1), rs.getLong(2))).single();
    }

    private static ServletRequestAttributes readOnlyRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String method = attributes.getRequest().getMethod();
            if ("GET".equals(method) || "HEAD".equals(method)) {
                return attributes;
            }
        }
        return null;
    }
}
