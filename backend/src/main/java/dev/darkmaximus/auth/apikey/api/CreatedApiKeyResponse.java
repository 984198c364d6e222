package dev.darkmaximus.auth.apikey.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.apikey.CreatedApiKey;

public record CreatedApiKeyResponse(
        @Schema(description = "The full key, for the X-Api-Key header. Shown only in this answer: only its hash is kept.",
                example = "dm_Xq3vR9kLmN2pQ7sT1uV5wY8zA0bC4dE6fG8hJ1k") String key,
        ApiKeyResponse apiKey) {

    static CreatedApiKeyResponse from(CreatedApiKey created) {
        return new CreatedApiKeyResponse(created.key(), ApiKeyResponse.from(created.apiKey()));
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[id=" + apiKey.id() + "]";
    }
}
