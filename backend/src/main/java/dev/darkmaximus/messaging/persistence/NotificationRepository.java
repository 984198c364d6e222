package dev.darkmaximus.messaging.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface NotificationRepository extends ListCrudRepository<Notification, Long> {

    @Query("SELECT * FROM notifications WHERE customer_id = :customerId ORDER BY id DESC LIMIT :limit")
    List<Notification> findRecent(long customerId, int limit);

    /** The unique dedup index decides between racing writers; the loser gets nothing back. */
    @Query("""
            INSERT INTO notifications (customer_id, kind, template_key, params, dedup_key, created_at)
            VALUES (:customerId, :kind, :templateKey, CAST(:params AS jsonb), :dedupKey, :at)
            ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
            RETURNING id""")
    Optional<Long> insertUnlessDuplicate(long customerId, String kind, String templateKey, String params,
                                         String dedupKey, Instant at);

    @Query("SELECT EXISTS (SELECT 1 FROM notifications WHERE dedup_key = :dedupKey)")
    boolean existsByDedupKey(String dedupKey);

    @Modifying
    @Query("""
            UPDATE notifications SET status = :status, attempts = attempts + 1, error = :error,
                                     sent_at = CASE WHEN :status = 'SENT' THEN CAST(:at AS timestamptz) ELSE sent_at END
            WHERE id = :id""")
    void record(long id, String status, String error, Instant at);
}
