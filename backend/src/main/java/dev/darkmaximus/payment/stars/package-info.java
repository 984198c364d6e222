/** Telegram Stars payments; published to the chat bot, which receives their pre-checkout queries and receipts. */
@NamedInterface("stars")
package dev.darkmaximus.payment.stars;

import org.springframework.modulith.NamedInterface;
