package dev.darkmaximus.platform.audit.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only: the audit log is never updated or deleted by the application. */
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
}
