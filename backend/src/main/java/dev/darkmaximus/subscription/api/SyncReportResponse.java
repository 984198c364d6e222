package dev.darkmaximus.subscription.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.SyncReportView;

public record SyncReportResponse(
        @Schema(example = "12") long id,
        @Schema(example = "3") long hostId,
        @Schema(description = "scheduled or manual.", example = "manual") String trigger,
        @Schema(description = "ok, or failed when the panel could not be read.", example = "ok") String outcome,
        @Schema(description = "Why the run failed.") String error,
        @Schema(description = "Clients found on the host's inbounds.", example = "120") int panelClients,
        @Schema(description = "Active, expired and disabled keys compared.", example = "118") int keysChecked,
        @Schema(description = "Keys whose state was taken from the panel.", example = "2") int keysUpdated,
        @Schema(description = "Keys with no client on the panel (flagged).", example = "1") int keysMissing,
        @Schema(description = "Panel clients the shop has no live key for (listed, never deleted).", example = "3")
        int orphans,
        SyncReportView.Details details,
        Instant startedAt,
        Instant finishedAt) {

    static SyncReportResponse from(SyncReportView r) {
        return new SyncReportResponse(r.id(), r.hostId(), r.trigger(), r.outcome(), r.error(), r.panelClients(),
                r.keysChecked(), r.keysUpdated(), r.keysMissing(), r.orphans(), r.details(), r.startedAt(),
                r.finishedAt());
    }
}
