package dev.darkmaximus.customer;

/**
 * A customer's first contact created them (SPEC §8). Published in the creating transaction.
 *
 * @param via        where they came from: {@code Mini App} or {@code bot}
 * @param referrerId the customer who referred them, if a referral link brought them
 */
public record CustomerRegistered(long customerId, long number, long telegramId, String username, String firstName,
                                 String via, Long referrerId) {
}
