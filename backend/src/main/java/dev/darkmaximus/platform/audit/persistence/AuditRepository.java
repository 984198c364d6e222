package dev.darkmaximus.platform.audit.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.darkmaximus.platform.audit.AuditFilter;

/** Append-only: the audit log is never updated or deleted by the application, only read back for admins. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditRecord entry) {
        jdbc.sql("""
                INSERT INTO audit_log (actor_type, actor_id, actor_name, action, object_type, object_id,
                                       before_state, after_state, ip, request_id)
                VALUES (:actorType, :actorId, :actorName, :action, :objectType, :objectId,
                        CAST(:beforeJson AS jsonb), CAST(:afterJson AS jsonb), :ip, :requestId)""")
                .paramSource(entry)
                .update();
    }

    /** Newest first: up to {@code limit} rows older than the row {@code beforeId} (null = from the newest). */
    public List<AuditRow> find(AuditFilter filter, Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, created_at, actor_type, actor_id, actor_name, action, object_type, object_id,
                       before_state::text AS before_state, after_state::text AS after_state, ip, request_id
                FROM audit_log
                WHERE (CAST(:actor AS text) IS NULL OR actor_name LIKE CAST(:actor AS text))
                  AND (CAST(:action AS text) IS NULL OR action LIKE CAST(:action AS text))
                  AND (CAST(:objectType AS text) IS NULL OR object_type = CAST(:objectType AS text))
                  AND (CAST(:objectId AS text) IS NULL OR object_id = CAST(:objectId AS text))
                  AND (CAST(:from AS timestamptz) IS NULL OR created_at >= CAST(:from AS timestamptz))
                  AND (CAST(:to AS timestamptz) IS NULL OR created_at < CAST(:to AS timestamptz))
                  AND (CAST(:beforeId AS bigint) IS NULL OR id < CAST(:beforeId AS bigint))
                ORDER BY id DESC
                LIMIT :limit""")
                .param("actor", prefixPattern(filter.actorPrefix()))
                .param("action", prefixPattern(filter.actionPrefix()))
                .param("objectType", filter.objectType())
                .param("objectId", filter.objectId())
                .param("from", timestamp(filter.from()))
                .param("to", timestamp(filter.to()))
                .param("beforeId", beforeId)
                .param("limit", limit)
                .query(AuditRow.class)
                .list();
    }

    private static String prefixPattern(String prefix) {
        return prefix == null ? null
                : prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
