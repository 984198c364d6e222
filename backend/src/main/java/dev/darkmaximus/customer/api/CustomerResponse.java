package dev.darkmaximus.customer.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.customer.CustomerView;

public record CustomerResponse(
        @Schema(example = "17") long id,
        @Schema(description = "Short public number used in support and links.", example = "1016") long number,
        @Schema(example = "123456789") long telegramId,
        @Schema(example = "ivan_petrov") String username,
        @Schema(example = "Ivan") String firstName,
        @Schema(example = "Petrov") String lastName,
        @Schema(example = "ru", allowableValues = {"ru", "en"}) String language,
        @Schema(example = "false") boolean banned,
        @Schema(example = "Chargeback fraud") String banReason,
        Instant bannedAt,
        @Schema(example = "2026-11-24T10:15:30Z") Instant registeredAt,
        @Schema(description = "The customer has taken the free trial.", example = "false") boolean trialUsed,
        @Schema(description = "How often an admin let them take it again.", example = "0") int trialResets,
        @Schema(description = "Keys set to inherit auto-renewal follow this.", example = "true")
        boolean autoRenewDefault,
        @Schema(description = "When the customer accepted the shop's terms; null while they haven't.",
                example = "2026-11-24T10:15:30Z") Instant termsAcceptedAt,
        @Schema(description = "Whether the customer may take the free trial now: the shop offers trials and this "
                + "customer hasn't used theirs. Offer the trial exactly when this is true.", example = "true")
        boolean trialAvailable) {

    public static CustomerResponse from(CustomerView c) {
        return new CustomerResponse(c.id(), c.number(), c.telegramId(), c.username(), c.firstName(), c.lastName(),
                c.language(), c.banned(), c.banReason(), c.bannedAt(), c.registeredAt(), c.trialUsed(), c.trialResets(),
                c.autoRenewDefault(), c.termsAcceptedAt(), c.trialAvailable());
    }
}
