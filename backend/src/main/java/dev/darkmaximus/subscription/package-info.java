/**
 * Keys: trials, keys bought by {@link dev.darkmaximus.billing.OrderPaid}, extension, auto-renewal, expiry,
 * revocation, and the outbox pushes that make each panel match (SPEC §4.3). Publishes
 * {@link dev.darkmaximus.subscription.KeyProvisioned}, {@link dev.darkmaximus.subscription.KeyExtended},
 * {@link dev.darkmaximus.subscription.KeyExpired} and {@link dev.darkmaximus.subscription.KeyRevoked}.
 */
@ApplicationModule(displayName = "Subscriptions (keys)")
package dev.darkmaximus.subscription;

import org.springframework.modulith.ApplicationModule;
