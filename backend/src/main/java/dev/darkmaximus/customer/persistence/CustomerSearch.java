package dev.darkmaximus.customer.persistence;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer search: newest first by an id cursor, or in an order picked by column a page at an offset. */
@Repository
public class CustomerSearch {

    /** Sortable fields and their columns. */
    public static final Map<String, String> SORTS = Map.of("number", "number", "registeredAt", "registered_at",
            "username", "lower(username)", "name", "lower(first_name)", "telegramId", "telegram_id",
            "language", "language");

    /** The cursor list's order. */
    public static final String NEWEST_FIRST = "id DESC";

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param startingAfter with the id order: the last id of the previous page
     * @param orderBy       {@code id DESC}, or from {@link dev.darkmaximus.platform.web.ListSort} over {@link #SORTS}
     */
    public List<Long> ids(String query, Long exact, String prefix, Long startingAfter, String orderBy, int offset,
                          int limit) {
        return jdbc.sql("""
                        SELECT id FROM customers
                        WHERE (CAST(:query AS text) IS NULL
                               OR number = CAST(:exact AS bigint) OR telegram_id = CAST(:exact AS bigint)
                               OR lower(username) LIKE :prefix OR lower(first_name) LIKE :prefix
                               OR lower(last_name) LIKE :prefix)
                          AND (CAST(:after AS bigint) IS NULL OR id < CAST(:after AS bigint))
                        ORDER BY %s OFFSET :offset LIMIT :limit""".formatted(orderBy))
                .param("query", query).param("exact", exact).param("prefix", prefix).param("after", startingAfter)
                .param("offset", offset).param("limit", limit)
                .query(Long.class).list();
    }
}
