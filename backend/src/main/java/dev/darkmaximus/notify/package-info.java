/**
 * When the shop speaks: listeners that turn other features' events (a payment, a key ready or renewed or expired,
 * a refund, a newcomer) into customer messages and admin alerts in the same transaction, and broadcasts to chosen
 * audiences (SPEC §8, §11). It sits above the features it listens to; none of them depends on it.
 */
@ApplicationModule(displayName = "Notifications and broadcasts")
package dev.darkmaximus.notify;

import org.springframework.modulith.ApplicationModule;
