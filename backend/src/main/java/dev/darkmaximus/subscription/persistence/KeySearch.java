package dev.darkmaximus.subscription.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The admin's key list: newest first by an id cursor, or in an order picked by column a page at an offset. */
@Repository
public class KeySearch {

    /** Sortable fields and their columns. */
    public static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "expiresAt", "expires_at",
            "status", "status", "panelEmail", "panel_email", "host", "host_id", "traffic", "traffic_used_bytes");

    /** The cursor list's order. */
    public static final String NEWEST_FIRST = "id DESC";

    private final JdbcClient jdbc;

    KeySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param startingAfter with the id order: the last id of the previous page
     * @param orderBy       {@code id DESC}, or from {@link dev.darkmaximus.platform.web.ListSort} over {@link #SORTS}
     */
    public List<Long> ids(Long hostId, String status, Long customerId, Instant expiresBefore, String email,
                          Long startingAfter, String orderBy, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id FROM vpn_keys
                        WHERE (CAST(:hostId AS bigint) IS NULL OR host_id = CAST(:hostId AS bigint))
                          AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
                          AND (CAST(:customerId AS bigint) IS NULL OR customer_id = CAST(:customerId AS bigint))
                          AND (CAST(:expiresBefore AS timestamptz) IS NULL
                               OR (expires_at <= CAST(:expiresBefore AS timestamptz) AND status IN ('ACTIVE', 'DISABLED')))
                          AND (CAST(:email AS text) IS NULL OR lower(panel_email) LIKE CAST(:email AS text))
                          AND (CAST(:after AS bigint) IS NULL OR id < CAST(:after AS bigint))
                        ORDER BY %s OFFSET :offset LIMIT :limit""".formatted(orderBy))
                .param("hostId", hostId).param("status", status).param("customerId", customerId)
                .param("expiresBefore", expiresBefore == null ? null : Timestamp.from(expiresBefore))
                .param("email", email).param("after", startingAfter).param("offset", offset).param("limit", limit)
                .query(Long.class).list();
    }
}
