package dev.darkmaximus.notify;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One recipient's result: SENT, BLOCKED (the customer blocked the bot), FAILED (with Telegram's reason),
 * INTERRUPTED (its node stopped mid-send) or not yet (PENDING, SENDING).
 */
@Schema(name = "BroadcastRecipient")
public record BroadcastRecipientView(long customerId, long customerNumber,
                                     @Schema(example = "BLOCKED", allowableValues = {"PENDING", "SENDING", "SENT",
                                             "BLOCKED", "FAILED", "INTERRUPTED"}) String status,
                                     @Schema(example = "Forbidden: bot was blocked by the user") String error,
                                     Instant sentAt) {
}
