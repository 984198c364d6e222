package dev.darkmaximus.customer.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A Telegram user of the shop. Changed through targeted updates in {@link CustomerRepository}. */
@Table("customers")
public record Customer(
        @Id Long id,
        long number,
        long telegramId,
        String username,
        String firstName,
        String lastName,
        String language,
        String timeZone,
        String email,
        String phone,
        Instant registeredAt,
        Instant termsAcceptedAt,
        boolean banned,
        String banReason,
        Instant bannedAt,
        Long referrerId,
        boolean trialUsed,
        int trialResets,
        boolean autoRenewDefault,
        boolean reachable,
        String notes,
        Instant createdAt,
        Instant updatedAt,
        @Version int version) {
}
