package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PromoRedemptionRepository extends ListCrudRepository<PromoRedemption, Long> {

    @Query("SELECT count(*) FROM promo_redemptions WHERE promo_code_id = :promoCodeId AND customer_id = :customerId")
    int countByCustomer(long promoCodeId, long customerId);

    /** The uses by orders; one carried over from Dark Maximus 2 has none and counts only in the limits. */
    @Query("""
            SELECT * FROM promo_redemptions WHERE promo_code_id = :promoCodeId AND order_id IS NOT NULL
              AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
            ORDER BY id DESC LIMIT :limit""")
    List<PromoRedemption> findByCode(long promoCodeId, Long before, int limit);
}
