package dev.darkmaximus.notify.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.db.JsonDocument;

/** A message to many customers: the audience filter is resolved into recipient rows when it starts. */
@Table("broadcasts")
public record Broadcast(@Id Long id, Long authorId, String text, String parseMode, String imageFileId,
                        JsonDocument buttons, JsonDocument audience, Instant scheduledAt, Status status,
                        int totalCount, int sentCount, int failedCount, int blockedCount,
                        @CreatedDate Instant createdAt, @LastModifiedDate Instant updatedAt, @Version int version) {

    public enum Status { DRAFT, SCHEDULED, RUNNING, PAUSED, DONE, CANCELED }
}
