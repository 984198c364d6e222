package dev.darkmaximus.subscription.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Keys change through targeted updates that bump {@code version}: the panel push task is deduplicated on
 * (key, version), so every committed change is pushed once and a stale push is recognisable.
 */
public interface VpnKeyRepository extends ListCrudRepository<VpnKey, Long> {

    /** A key still being prepared past the notice threshold. */
    record DelayedKey(long id, long customerId, long hostId, int number, Instant createdAt) {
    }

    /**
     * Stamps the keys still being prepared that were bought before {@code before} and haven't been told about yet,
     * and returns them; rows another node holds are skipped, so each key is claimed once.
     */
    @Query("""
            UPDATE vpn_keys SET delay_notified_at = :now
            WHERE id IN (SELECT id FROM vpn_keys
                         WHERE status = 'PROVISIONING' AND delay_notified_at IS NULL AND created_at < :before
                         ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING id, customer_id, host_id, number, created_at""")
    List<DelayedKey> claimDelayed(Instant now, Instant before);

    @Query("SELECT * FROM vpn_keys WHERE subscription_id = :subscriptionId")
    Optional<VpnKey> findBySubscriptionId(String subscriptionId);

    @Query("SELECT * FROM vpn_keys WHERE customer_id = :customerId ORDER BY number")
    List<VpnKey> findByCustomer(long customerId);

    @Query("SELECT * FROM vpn_keys WHERE id = :id FOR UPDATE")
    Optional<VpnKey> findForUpdate(long id);

    /** Serialises key creation per customer (display numbers) for the rest of the transaction. */
    @Query("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(7301, CAST(MOD(:customerId, 2147483647) AS int))) l")
    int lockCustomer(long customerId);

    /** Next display number for a customer's key (1, 2, …); call after {@link #lockCustomer}. */
    @Query("SELECT COALESCE(MAX(number), 0) + 1 FROM vpn_keys WHERE customer_id = :customerId")
    int nextNumber(long customerId);

    /** The id is taken first because the panel email contains it and must be fixed before any panel call. */
    @Query("SELECT nextval(pg_get_serial_sequence('vpn_keys', 'id'))")
    long nextId();

    @Modifying
    @Query("""
            INSERT INTO vpn_keys (id, customer_id, host_id, plan_id, number, panel_email, panel_client_uuid,
                                  subscription_id, status, trial, enabled, expires_at, traffic_limit_bytes,
                                  subscription_url, created_at, updated_at)
            VALUES (:id, :customerId, :hostId, :planId, :number, :panelEmail, :clientUuid, :subscriptionId,
                    'PROVISIONING', :trial, TRUE, :expiresAt, :trafficLimitBytes, :subscriptionUrl, :at, :at)""")
    void insertProvisioning(long id, long customerId, long hostId, Long planId, int number, String panelEmail,
                            UUID clientUuid, String subscriptionId, boolean trial, Instant expiresAt,
                            long trafficLimitBytes, String subscriptionUrl, Instant at);

    @Query("""
            UPDATE vpn_keys SET status = 'ACTIVE', starts_at = :startsAt, expires_at = :expiresAt,
                                connection_link = :link, last_synced_at = :at, panel_missing_since = NULL,
                                subscription_url = COALESCE(:subscriptionUrl, subscription_url),
                                updated_at = :at, version = version + 1
            WHERE id = :id AND version = :version AND status IN ('PROVISIONING', 'FAILED')
            RETURNING version""")
    Optional<Integer> activate(long id, int version, Instant startsAt, Instant expiresAt, String link,
                               String subscriptionUrl, Instant at);

    /** The panel's own subscription address changed (revoked and issued anew there): the key follows it. */
    @Modifying
    @Query("""
            UPDATE vpn_keys SET subscription_url = :url, connection_link = :url, updated_at = :at
            WHERE id = :id AND subscription_url IS DISTINCT FROM :url""")
    int followPanelSubscription(long id, String url, Instant at);

    @Modifying
    @Query("UPDATE vpn_keys SET status = 'FAILED', updated_at = :at, version = version + 1 WHERE id = :id AND status = 'PROVISIONING'")
    int markFailed(long id, Instant at);

    /** New expiry and plan; a trial paid for becomes a paid key, and an expired key is alive again. */
    @Query("""
            UPDATE vpn_keys SET expires_at = :expiresAt, plan_id = :planId, traffic_limit_bytes = :trafficLimitBytes,
                                trial = :trial,
                                status = CASE WHEN status = 'EXPIRED' THEN 'ACTIVE' ELSE status END,
                                updated_at = :at, version = version + 1
            WHERE id = :id AND status <> 'REVOKED'
            RETURNING version""")
    Optional<Integer> extend(long id, Instant expiresAt, Long planId, long trafficLimitBytes, boolean trial,
                             Instant at);

    @Query("""
            UPDATE vpn_keys SET enabled = :enabled, status = :status, updated_at = :at, version = version + 1
            WHERE id = :id AND status <> 'REVOKED'
            RETURNING version""")
    Optional<Integer> setEnabled(long id, boolean enabled, String status, Instant at);

    @Modifying
    @Query("UPDATE vpn_keys SET status = 'REVOKED', enabled = FALSE, updated_at = :at, version = version + 1 WHERE id = :id")
    int markRevoked(long id, Instant at);

    @Modifying
    @Query("UPDATE vpn_keys SET auto_renew = :mode, updated_at = :at, version = version + 1 WHERE id = :id")
    int setAutoRenew(long id, String mode, Instant at);

    @Modifying
    @Query("UPDATE vpn_keys SET label = :label, updated_at = :at, version = version + 1 WHERE id = :id")
    int setLabel(long id, String label, Instant at);

    @Modifying
    @Query("UPDATE vpn_keys SET connection_link = :link, updated_at = :at WHERE id = :id")
    int setConnectionLink(long id, String link, Instant at);

    /** What sync read on the panel; the version guard keeps a change made meanwhile from being overwritten. */
    @Modifying
    @Query("""
            UPDATE vpn_keys SET expires_at = :expiresAt, enabled = :enabled, traffic_used_bytes = :usedBytes,
                                traffic_limit_bytes = :limitBytes, last_online_at = :lastOnlineAt, status = :status,
                                last_synced_at = :at, panel_missing_since = NULL, updated_at = :at,
                                version = version + 1
            WHERE id = :id AND version = :version""")
    int recordPanelState(long id, int version, Instant expiresAt, boolean enabled, long usedBytes, long limitBytes,
                         Instant lastOnlineAt, String status, Instant at);

    @Modifying
    @Query("UPDATE vpn_keys SET panel_missing_since = COALESCE(panel_missing_since, :at), last_synced_at = :at WHERE id = :id")
    int markMissing(long id, Instant at);

    @Query("""
            UPDATE vpn_keys SET status = 'EXPIRED', updated_at = :now, version = version + 1
            WHERE status = 'ACTIVE' AND expires_at <= :now
            RETURNING id""")
    List<Long> expireDue(Instant now);

    /** Live keys expiring before {@code until}, oldest expiry first: the reminder and renewal jobs' scan. */
    @Query("""
            SELECT * FROM vpn_keys
            WHERE status IN ('ACTIVE', 'DISABLED') AND expires_at < :until AND expires_at > :since
            ORDER BY expires_at LIMIT :limit""")
    List<VpnKey> findExpiringBetween(Instant since, Instant until, int limit);

    /**
     * Active keys expiring before {@code until} that still need a reminder, soonest first: not yet reminded for
     * this expiry, or last reminded at a larger offset than the one now due (the smallest of {@code offsetSeconds},
     * comma-separated, that is at least the time left).
     */
    @Query("""
            SELECT * FROM vpn_keys
            WHERE status = 'ACTIVE' AND expires_at > :now AND expires_at < :until
              AND (reminded_expires_at IS DISTINCT FROM expires_at
                   OR reminded_offset_seconds > (
                       SELECT min(o) FROM unnest(CAST(string_to_array(:offsetSeconds, ',') AS bigint[])) AS o
                       WHERE o >= EXTRACT(EPOCH FROM expires_at - :now)))
            ORDER BY expires_at LIMIT :limit""")
    List<VpnKey> findNeedingReminder(Instant now, Instant until, String offsetSeconds, int limit);

    /**
     * Bookkeeping only (no version bump: nothing to push to the panel). Never back to a larger offset for the same
     * expiry, which a slower run started earlier would otherwise write.
     */
    @Modifying
    @Query("""
            UPDATE vpn_keys SET reminded_expires_at = :expiresAt, reminded_offset_seconds = :offsetSeconds
            WHERE id = :id AND (reminded_expires_at IS DISTINCT FROM :expiresAt
                                OR reminded_offset_seconds IS NULL OR reminded_offset_seconds > :offsetSeconds)""")
    void markReminded(long id, Instant expiresAt, long offsetSeconds);

    @Query("SELECT id FROM vpn_keys WHERE status = 'EXPIRED' AND expires_at < :cutoff ORDER BY expires_at LIMIT :limit")
    List<Long> findExpiredBefore(Instant cutoff, int limit);

    @Query("SELECT * FROM vpn_keys WHERE host_id = :hostId AND status <> 'REVOKED' ORDER BY id")
    List<VpnKey> findLiveByHost(long hostId);

    @Query("SELECT * FROM vpn_keys WHERE host_id = :hostId AND lower(panel_email) = lower(:panelEmail)")
    Optional<VpnKey> findByPanelEmail(long hostId, String panelEmail);

    @Query("SELECT COUNT(*) FROM vpn_keys WHERE customer_id = :customerId AND trial")
    int countTrials(long customerId);
}
