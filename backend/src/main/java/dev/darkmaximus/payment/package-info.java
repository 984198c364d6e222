/**
 * Payment providers (YooKassa, Telegram Stars) and the checkout and refund flows that drive billing's state
 * machine from their answers (SPEC §5.2–5.6). The Stars package is a named interface because the chat bot
 * answers Telegram's pre-checkout queries through it.
 */
@ApplicationModule(displayName = "Payments")
package dev.darkmaximus.payment;

import org.springframework.modulith.ApplicationModule;
