package dev.darkmaximus.catalog;

import java.util.Set;

/**
 * Which plans a customer has paid for before, for the new_only / returning_only audience rules. Billing provides it;
 * catalog doesn't read billing's tables.
 */
public interface PurchaseHistory {

    Set<Long> plansBoughtBy(long customerId);
}
