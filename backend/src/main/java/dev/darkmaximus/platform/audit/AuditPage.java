package dev.darkmaximus.platform.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A page of the audit log, newest first. */
public record AuditPage(
        List<AuditEntryView> data,
        @Schema(description = "Pass as cursor to get the next (older) page; null on the last page.", example = "1042")
        String nextCursor) {
}
