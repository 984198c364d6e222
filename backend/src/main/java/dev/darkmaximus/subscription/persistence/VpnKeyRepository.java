package dev.darkmaximus.subscription.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface VpnKeyRepository extends ListCrudRepository<VpnKey, Long> {

    @Query("SELECT * FROM vpn_keys WHERE customer_id = :customerId ORDER BY number")
    List<VpnKey> findByCustomer(long customerId);

    /** Next display number for a customer's key (1, 2, …); the unique index settles a race. */
    @Query("SELECT COALESCE(MAX(number), 0) + 1 FROM vpn_keys WHERE customer_id = :customerId")
    int nextNumber(long customerId);

    /** Live keys expiring before {@code until}, oldest expiry first: the reminder and renewal jobs' scan. */
    @Query("""
            SELECT * FROM vpn_keys
            WHERE status IN ('ACTIVE', 'PROVISIONING', 'DISABLED') AND expires_at < :until
            ORDER BY expires_at LIMIT :limit""")
    List<VpnKey> findExpiringBefore(Instant until, int limit);

    @Query("SELECT * FROM vpn_keys WHERE host_id = :hostId AND lower(panel_email) = lower(:panelEmail)")
    Optional<VpnKey> findByPanelEmail(long hostId, String panelEmail);
}
