/**
 * Customers: registration from Telegram, language, bans, terms and channel gates (SPEC §3). The lowest feature:
 * it depends on the platform only and tells others of newcomers with {@link dev.darkmaximus.customer.CustomerRegistered}.
 */
@ApplicationModule(displayName = "Customers")
package dev.darkmaximus.customer;

import org.springframework.modulith.ApplicationModule;
