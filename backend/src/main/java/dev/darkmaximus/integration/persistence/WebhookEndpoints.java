package dev.darkmaximus.integration.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook endpoints admins register (migration 016). Events are stored comma-separated: a handful of names. */
@Repository
public class WebhookEndpoints {

    private static final String COLUMNS = """
            id, url, description, events, secret, enabled, disabled_reason, failing_since, last_success_at,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    public WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String url, String description, List<String> events, String encryptedSecret, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_endpoints (url, description, events, secret, created_at, updated_at)
                        VALUES (:url, :description, :events, :secret, :now, :now) RETURNING id""")
                .param("url", url).param("description", description).param("events", String.join(",", events))
                .param("secret", encryptedSecret).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public List<StoredEndpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY id").query(WebhookEndpoints::map)
                .list();
    }

    public Optional<StoredEndpoint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id").param("id", id)
                .query(WebhookEndpoints::map).optional();
    }

    /** Enabled endpoints that asked for {@code type}: read in the event's own transaction. */
    public List<Long> subscribedTo(String type) {
        return jdbc.sql("""
                        SELECT id FROM webhook_endpoints
                        WHERE enabled AND :type = ANY (string_to_array(events, ','))
                        ORDER BY id""")
                .param("type", type).query(Long.class).list();
    }

    public void update(long id, String url, String description, List<String> events, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET url = :url, description = :description, events = :events,
                                                     updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("url", url).param("description", description)
                .param("events", String.join(",", events)).param("now", Timestamp.from(now)).update();
    }

    /** On: failures forgotten, a fresh day of patience. Off: with the reason an admin sees. */
    public void setEnabled(long id, boolean enabled, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET enabled = :enabled, disabled_reason = :reason,
                               failing_since = CASE WHEN :enabled THEN NULL ELSE failing_since END, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("enabled", enabled).param("reason", enabled ? null : reason)
                .param("now", Timestamp.from(now)).update();
    }

    public void setSecret(long id, String encryptedSecret, Instant now) {
        jdbc.sql("UPDATE webhook_endpoints SET secret = :secret, updated_at = :now WHERE id = :id")
                .param("id", id).param("secret", encryptedSecret).param("now", Timestamp.from(now)).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id").param("id", id).update();
    }

    public void succeeded(long id, Instant at) {
        jdbc.sql("UPDATE webhook_endpoints SET failing_since = NULL, last_success_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Records a failure; answers since when the endpoint has been failing (this one, if it was fine before). */
    public Instant failed(long id, Instant at) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, :at)
                        WHERE id = :id RETURNING failing_since""")
                .param("id", id).param("at", Timestamp.from(at))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(at);
    }

    /** Switches the endpoint off unless it already is; true for the one caller that did it (it alerts). */
    public boolean disableIfEnabled(long id, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET enabled = FALSE, disabled_reason = :reason, updated_at = :now
                        WHERE id = :id AND enabled""")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    private static StoredEndpoint map(ResultSet rs, int row) throws SQLException {
        return new StoredEndpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
                Arrays.asList(rs.getString("events").split(",")), rs.getString("secret"), rs.getBoolean("enabled"),
                rs.getString("disabled_reason"), instant(rs, "failing_since"), instant(rs, "last_success_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** @param secret encrypted with the shop's key */
    public record StoredEndpoint(long id, String url, String description, List<String> events, String secret,
                           boolean enabled, String disabledReason, Instant failingSince, Instant lastSuccessAt,
                           Instant createdAt, Instant updatedAt) {
    }
}
