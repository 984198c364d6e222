package dev.darkmaximus.integration;

/** An endpoint with its signing secret: the only answer that ever carries it (made, or secret rotated). */
public record WebhookSecret(WebhookView endpoint, String secret) {
}
