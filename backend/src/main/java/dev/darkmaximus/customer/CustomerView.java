package dev.darkmaximus.customer;

import java.time.Instant;

import dev.darkmaximus.customer.persistence.Customer;

/** A customer as other features and the API see them. */
public record CustomerView(long id, long number, long telegramId, String username, String firstName, String lastName,
                           String language, boolean banned, String banReason, Instant bannedAt, Instant registeredAt,
                           boolean trialUsed, int trialResets, boolean autoRenewDefault, boolean reachable,
                           Long referrerId, String email, String phone,
                           Instant termsAcceptedAt, boolean trialAvailable) {

    /**
     * @param trialsOffered whether the shop offers trials now (setting); with it, "may this customer take the trial"
     *                      is decided here once, for the API, the bot and the Mini App alike
     */
    static CustomerView from(Customer c, boolean trialsOffered) {
        return new CustomerView(c.id(), c.number(), c.telegramId(), c.username(), c.firstName(), c.lastName(),
                c.language(), c.banned(), c.banReason(), c.bannedAt(), c.registeredAt(), c.trialUsed(), c.trialResets(),
                c.autoRenewDefault(), c.reachable(), c.referrerId(), c.email(), c.phone(), c.termsAcceptedAt(),
                trialsOffered && !c.trialUsed() && !c.banned());
    }
}
