package dev.darkmaximus.subscription.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.db.JsonDocument;

/** The outcome of one sync run of one host; {@code details} lists drift repaired, keys missing and orphans. */
@Table("sync_reports")
public record SyncReport(@Id Long id, long hostId, Trigger trigger, Outcome outcome, String error, int panelClients,
                         int keysChecked, int keysUpdated, int keysMissing, int orphans, JsonDocument details,
                         Instant startedAt, Instant finishedAt) {

    public enum Trigger { SCHEDULED, MANUAL }

    public enum Outcome { OK, FAILED }
}
