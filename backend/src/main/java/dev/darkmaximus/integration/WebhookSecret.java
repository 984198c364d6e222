package dev.darkmaximus.integration;

import io.swagger.v3.oas.annotations.media.Schema;

/** An endpoint with its signing secret: the only answer that ever carries it (made, or secret rotated). */
public record WebhookSecret(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) WebhookView endpoint,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    example = "whsec_Q2xk8w0bYp3mV7rT1sN4uH6jK9dF2gL5aZ8xC0vB1nM") String secret) {
}
