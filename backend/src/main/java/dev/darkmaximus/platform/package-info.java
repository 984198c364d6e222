/**
 * Shared infrastructure every feature may use: the outbox, job leases, money, errors as problem+json, settings,
 * the Telegram Bot API client and its send queue, rate limits, audit, Redis. It holds no business rule and
 * depends on no feature, so it is an open module: its sub-packages are its API.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package dev.darkmaximus.platform;

import org.springframework.modulith.ApplicationModule;
