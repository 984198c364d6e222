/**
 * Cards saved for auto-renewal; published to the chat bot, which shows the consent, lists and removes a customer's
 * cards.
 */
@NamedInterface("cards")
package dev.darkmaximus.payment.cards;

import org.springframework.modulith.NamedInterface;
