package dev.darkmaximus.platform.backup.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.backup.Backups;

/** The backups on this node's disk, and one now (before an upgrade, say). */
@RestController
@RequestMapping("/api/v1/admin/backups")
@Tag(name = "admin-backups")
@PreAuthorize("hasRole('ADMIN')")
class BackupAdminController {

    private final Backups backups;

    BackupAdminController(Backups backups) {
        this.backups = backups;
    }

    @GetMapping
    @Operation(operationId = "listBackups", summary = "Backups in the backup directory, newest first",
            description = "The node's own directory (the setting `admin.backup-directory`).")
    @ApiResponse(responseCode = "200", description = "The backups.")
    List<Backups.Backup> list() {
        return backups.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "runBackup", summary = "Back the database up now",
            description = "Writes a dump like the scheduled ones and prunes the old ones. Restore with "
                    + "`java -jar backend.jar restore <file>` into an empty database (docs/ops/backup.md).")
    @ApiResponse(responseCode = "201", description = "The backup written, with its row count.")
    Backups.Backup run() {
        return backups.runNowAudited();
    }
}
