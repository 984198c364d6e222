package dev.darkmaximus.billing.persistence;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PromoCodeRepository extends ListCrudRepository<PromoCode, Long> {

    @Query("SELECT * FROM promo_codes WHERE lower(code) = lower(:code)")
    Optional<PromoCode> findByCode(String code);

    /** Takes one use within the total limit atomically; 0 = the limit was reached in between (SPEC §5.4). */
    @Modifying
    @Query("""
            UPDATE promo_codes SET times_used = times_used + 1, version = version + 1
            WHERE id = :id AND (total_limit IS NULL OR times_used < total_limit)""")
    int takeUse(long id);
}
