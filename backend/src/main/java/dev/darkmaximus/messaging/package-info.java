/**
 * How the shop tells someone: customer notifications from editable ru/en templates, the admin chat's alerts from
 * {@link dev.darkmaximus.messaging.AlertTemplates}, both queued in the caller's transaction and sent through the
 * outbox within Telegram's limits (SPEC §11). It knows nothing of orders or keys; {@code notify} decides when.
 */
@ApplicationModule(displayName = "Messaging")
package dev.darkmaximus.messaging;

import org.springframework.modulith.ApplicationModule;
