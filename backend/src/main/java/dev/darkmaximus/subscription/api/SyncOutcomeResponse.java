package dev.darkmaximus.subscription.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.KeyView;

public record SyncOutcomeResponse(
        @Schema(description = "Fields taken from the panel: name → [was, now]. Empty when the key already matched.")
        Map<String, List<String>> changes,
        @Schema(description = "True when the panel has no client for this key (flagged, nothing deleted).")
        boolean missingOnPanel,
        KeyResponse key) {

    static SyncOutcomeResponse from(KeyView.SyncOutcome outcome, KeyResponse key) {
        return new SyncOutcomeResponse(outcome.changes(), outcome.missingOnPanel(), key);
    }
}
