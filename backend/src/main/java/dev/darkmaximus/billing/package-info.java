/**
 * Money: orders, payments and their state machine, the balance ledger, promo codes, referrals, refunds (SPEC §5).
 * A succeeded payment publishes {@link dev.darkmaximus.billing.OrderPaid}; keys are the subscription feature's
 * business, reached only through the {@link dev.darkmaximus.billing.KeyOrders} port it implements.
 */
@ApplicationModule(displayName = "Billing")
package dev.darkmaximus.billing;

import org.springframework.modulith.ApplicationModule;
