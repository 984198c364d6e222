/**
 * What integrators hear of the shop (SPEC §15): the event feed, written by listeners on the other features' events
 * in the transaction that caused them, and read with a cursor under the {@code events:read} scope. Outbound webhooks
 * will read the same rows.
 */
@ApplicationModule(displayName = "Integrations")
package dev.darkmaximus.integration;

import org.springframework.modulith.ApplicationModule;
