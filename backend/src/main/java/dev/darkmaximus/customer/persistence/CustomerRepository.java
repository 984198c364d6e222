package dev.darkmaximus.customer.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CustomerRepository extends ListCrudRepository<Customer, Long> {

    /** Whether the customer is banned (true also when the row is gone): read when auth.AccountAccess has no answer. */
    @Query("SELECT COALESCE((SELECT banned FROM customers WHERE id = :id), TRUE)")
    boolean isBanned(long id);

    @Query("SELECT group_id FROM customer_group_members WHERE customer_id = :customerId")
    List<Long> groupIds(long customerId);

    @Query("SELECT id FROM customer_groups WHERE id IN (:ids)")
    List<Long> existingGroupIds(Collection<Long> ids);

    @Modifying
    @Query("""
            UPDATE customers SET banned = TRUE, ban_reason = :reason, banned_at = :at, updated_at = :at,
                                 version = version + 1
            WHERE id = :id""")
    int ban(long id, String reason, Instant at);

    @Modifying
    @Query("""
            UPDATE customers SET banned = FALSE, ban_reason = NULL, banned_at = NULL, updated_at = :at,
                                 version = version + 1
            WHERE id = :id AND banned""")
    int unban(long id, Instant at);

    @Modifying
    @Query("""
            UPDATE customers SET trial_used = TRUE, updated_at = :at, version = version + 1
            WHERE id = :id AND NOT trial_used""")
    int claimTrial(long id, Instant at);

    @Modifying
    @Query("""
            UPDATE customers SET trial_used = FALSE, trial_resets = trial_resets + 1, updated_at = :at,
                                 version = version + 1
            WHERE id = :id AND trial_used""")
    int resetTrial(long id, Instant at);

    @Modifying
    @Query("UPDATE customers SET reachable = :reachable, updated_at = :at, version = version + 1 WHERE id = :id")
    int setReachable(long id, boolean reachable, Instant at);

    @Modifying
    @Query("UPDATE customers SET auto_renew_default = :on, updated_at = :at, version = version + 1 WHERE id = :id")
    int setAutoRenewDefault(long id, boolean on, Instant at);

    @Modifying
    @Query("UPDATE customers SET language = :language, updated_at = :at, version = version + 1 WHERE id = :id")
    int setLanguage(long id, String language, Instant at);

    @Modifying
    @Query("""
            UPDATE customers SET terms_accepted_at = :at, updated_at = :at, version = version + 1
            WHERE id = :id AND terms_accepted_at IS NULL""")
    int acceptTerms(long id, Instant at);

    Optional<Customer> findByTelegramId(long telegramId);
}
