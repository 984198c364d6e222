package dev.darkmaximus.integration.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The integrators' Idempotency-Key table (migration 016). Each statement is its own short transaction: a claim must
 * be visible to a concurrent replay at once, long before the claiming request finishes.
 */
@Repository
public class IdempotencyStore {

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a request: true when it was free, or its claim is older than 24 h (expired). */
    public boolean claim(long apiKeyId, String key, String hash, Instant now, Instant expiredBefore) {
        return jdbc.sql("""
                        INSERT INTO idempotent_requests (api_key_id, idem_key, request_hash, claimed_at)
                        VALUES (:apiKeyId, :key, :hash, :now)
                        ON CONFLICT (api_key_id, idem_key) DO UPDATE
                            SET request_hash = EXCLUDED.request_hash, claimed_at = EXCLUDED.claimed_at,
                                completed_at = NULL, status_code = NULL, content_type = NULL, body = NULL
                            WHERE idempotent_requests.claimed_at < :expiredBefore""")
                .param("apiKeyId", apiKeyId).param("key", key).param("hash", hash)
                .param("now", Timestamp.from(now)).param("expiredBefore", Timestamp.from(expiredBefore))
                .update() == 1;
    }

    public Optional<Stored> find(long apiKeyId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, claimed_at, completed_at, status_code, content_type, body
                        FROM idempotent_requests WHERE api_key_id = :apiKeyId AND idem_key = :key""")
                .param("apiKeyId", apiKeyId).param("key", key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getTimestamp("claimed_at").toInstant(),
                        rs.getTimestamp("completed_at") != null, rs.getInt("status_code"),
                        rs.getString("content_type"), rs.getString("body")))
                .optional();
    }

    /**
     * Keeps the answer (encrypted by the caller; null when too large to keep) of the request holding the claim made
     * at {@code claimedAt}.
     */
    public void complete(long apiKeyId, String key, Instant claimedAt, Instant now, int status, String contentType,
                         String body) {
        jdbc.sql("""
                        UPDATE idempotent_requests
                        SET completed_at = :now, status_code = :status, content_type = :type, body = :body
                        WHERE api_key_id = :apiKeyId AND idem_key = :key AND claimed_at = :claimedAt""")
                .param("apiKeyId", apiKeyId).param("key", key).param("claimedAt", Timestamp.from(claimedAt))
                .param("now", Timestamp.from(now)).param("status", status).param("type", contentType)
                .param("body", body).update();
    }

    /** Lets the key go after a request that did nothing (an error), so a retry runs again. */
    public void release(long apiKeyId, String key, Instant claimedAt) {
        jdbc.sql("""
                        DELETE FROM idempotent_requests
                        WHERE api_key_id = :apiKeyId AND idem_key = :key AND claimed_at = :claimedAt""")
                .param("apiKeyId", apiKeyId).param("key", key).param("claimedAt", Timestamp.from(claimedAt)).update();
    }

    public int deleteClaimedBefore(Instant before) {
        return jdbc.sql("DELETE FROM idempotent_requests WHERE claimed_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    /** @param done whether the claiming request finished (with a kept answer) */
    public record Stored(String hash, Instant claimedAt, boolean done, int status, String contentType, String body) {
    }
}
