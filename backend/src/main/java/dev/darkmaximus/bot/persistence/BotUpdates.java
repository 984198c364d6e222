package dev.darkmaximus.bot.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which Telegram updates were taken and finished, so each is handled once whatever delivers it how often. */
@Repository
public class BotUpdates {

    private final JdbcClient jdbc;

    BotUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the update for this node: true when it is new, or when its previous owner never finished it and
     * {@code takeoverAfter} has passed (that node died mid-way).
     */
    public boolean claim(long updateId, Instant now, Duration takeoverAfter) {
        int inserted = jdbc.sql("""
                        INSERT INTO bot_updates (update_id, claimed_at) VALUES (:id, :now)
                        ON CONFLICT (update_id) DO NOTHING""")
                .param("id", updateId).param("now", Timestamp.from(now)).update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("""
                        UPDATE bot_updates SET claimed_at = :now
                        WHERE update_id = :id AND done_at IS NULL AND claimed_at < :stale""")
                .param("id", updateId).param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(takeoverAfter))).update() == 1;
    }

    public void done(long updateId, Instant now) {
        jdbc.sql("UPDATE bot_updates SET done_at = :now WHERE update_id = :id")
                .param("id", updateId).param("now", Timestamp.from(now)).update();
    }

    /** Gives the update back so the next delivery handles it (its handling failed and must be retried). */
    public void release(long updateId) {
        jdbc.sql("DELETE FROM bot_updates WHERE update_id = :id AND done_at IS NULL").param("id", updateId).update();
    }

    /** Telegram keeps undelivered updates for 24 hours; older ids can't come back. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM bot_updates WHERE claimed_at < :before")
                .param("before", Timestamp.from(before)).update();
    }
}
