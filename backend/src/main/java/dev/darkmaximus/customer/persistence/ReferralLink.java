package dev.darkmaximus.customer.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An admin-made campaign link: /start &lt;code&gt; puts the customer in a group, pre-fills a promo, binds a referrer. */
@Table("referral_links")
public record ReferralLink(@Id Long id, String code, Long groupId, String promoCode, Long referrerId,
                           String description, int uses, Long createdBy, Instant createdAt) {
}
