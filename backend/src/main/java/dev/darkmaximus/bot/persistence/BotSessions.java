package dev.darkmaximus.bot.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A customer's place in a chat conversation (what the bot waits for next, with a few strings of context). */
@Repository
public class BotSessions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BotSessions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Session get(long customerId) {
        return jdbc.sql("SELECT awaiting, data::text AS data, banned_notice_at FROM bot_sessions WHERE customer_id = :id")
                .param("id", customerId)
                .query((rs, n) -> new Session(customerId, rs.getString("awaiting"),
                        json.readValue(rs.getString("data"), new TypeReference<Map<String, String>>() { }),
                        rs.getTimestamp("banned_notice_at") == null ? null
                                : rs.getTimestamp("banned_notice_at").toInstant()))
                .optional()
                .orElse(new Session(customerId, null, Map.of(), null));
    }

    /** Replaces what the bot waits for and its context. */
    public void save(long customerId, String awaiting, Map<String, String> data, Instant now) {
        jdbc.sql("""
                        INSERT INTO bot_sessions (customer_id, awaiting, data, updated_at)
                        VALUES (:id, :awaiting, CAST(:data AS jsonb), :now)
                        ON CONFLICT (customer_id) DO UPDATE
                            SET awaiting = EXCLUDED.awaiting, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at""")
                .param("id", customerId).param("awaiting", awaiting).param("data", json.writeValueAsString(data))
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * Records that a banned customer was told once; false when they were already told since {@code bannedAt}
     * (so the ban message is sent once per ban, whatever they keep sending).
     */
    public boolean noteBanNotice(long customerId, Instant bannedAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO bot_sessions (customer_id, banned_notice_at, updated_at) VALUES (:id, :now, :now)
                        ON CONFLICT (customer_id) DO UPDATE SET banned_notice_at = :now, updated_at = :now
                        WHERE bot_sessions.banned_notice_at IS NULL OR bot_sessions.banned_notice_at < :bannedAt""")
                .param("id", customerId).param("now", Timestamp.from(now))
                .param("bannedAt", Timestamp.from(bannedAt == null ? Instant.EPOCH : bannedAt)).update() == 1;
    }

    public record Session(long customerId, String awaiting, Map<String, String> data, Instant bannedNoticeAt) {

        public String get(String key) {
            return data.get(key);
        }
    }
}
