package dev.darkmaximus.subscription.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.KeyQueries;

public record KeyPage(
        List<KeyResponse> data,
        @Schema(description = "True when more keys follow; ask again with startingAfter = the last id.")
        boolean hasMore) {

    static KeyPage from(KeyQueries.KeySlice slice) {
        return new KeyPage(slice.keys().stream().map(KeyResponse::from).toList(), slice.hasMore());
    }
}
