package dev.darkmaximus.subscription.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.RenewalRoutes;

public record KeyPage(
        List<KeyResponse> data,
        @Schema(description = "True when more keys follow; ask again with startingAfter = the last id.")
        boolean hasMore) {

    static KeyPage from(KeyQueries.KeySlice slice, RenewalRoutes routes) {
        var byKey = routes.of(slice.keys());
        return new KeyPage(slice.keys().stream().map(k -> KeyResponse.from(k, byKey.get(k.id()))).toList(),
                slice.hasMore());
    }
}
