package dev.darkmaximus.dm2import.api;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.dm2import.Dm2Importer;
import dev.darkmaximus.dm2import.Dm2Report;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;

/**
 * The DM2 import from the admin UI: the uploaded {@code users.db} is spooled to a temporary file, imported (dry run
 * unless {@code apply=true}) and deleted. Admins only; every run is in the audit log.
 */
@RestController
@RequestMapping("/api/v1/admin/imports")
@Tag(name = "admin-imports")
@PreAuthorize("hasRole('ADMIN')")
class Dm2ImportController {

    private final Dm2Importer importer;
    private final AuditService audit;
    private final TransactionTemplate transactions;

    Dm2ImportController(Dm2Importer importer, AuditService audit, TransactionTemplate transactions) {
        this.importer = importer;
        this.audit = audit;
        this.transactions = transactions;
    }

    @PostMapping(path = "/dm2", consumes = "application/octet-stream")
    @Operation(operationId = "importDm2", summary = "Import a Dark Maximus 2 shop",
            description = "The body is DM2's SQLite `users.db`. Without `apply` a dry run: nothing changes and the "
                    + "report says what an apply would do. An apply can be repeated (nothing is imported twice) and "
                    + "re-run after it was cut off. 400 `not_a_dm2_database` for another file; 409 `import_running` "
                    + "while another import runs. docs/migrating-from-dm2.md.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "The report.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    Dm2ImportResponse importDm2(
            @Parameter(description = "Import for real; false (the default) is a dry run.")
            @RequestParam(defaultValue = "false") boolean apply,
            @Parameter(description = "The time zone DM2's server wrote its local times in.")
            @RequestParam(defaultValue = "UTC") String dm2Zone,
            @Parameter(description = "Also carry DM2's YooKassa shop id and secret key.")
            @RequestParam(defaultValue = "false") boolean withSecrets,
            HttpServletRequest request) throws Exception {
        ZoneId zone;
        try {
            zone = ZoneId.of(dm2Zone.strip());
        } catch (DateTimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_zone", "dm2Zone: no such time zone: " + dm2Zone);
        }
        Path file = Files.createTempFile("dm2-import-", ".db");
        try {
            try (InputStream body = request.getInputStream()) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (Dm2Report report = run(file, new Dm2Importer.Options(apply, zone, withSecrets))) {
                transactions.executeWithoutResult(status -> audit.record(apply ? "dm2.import" : "dm2.import.dry-run",
                        "dm2-import", null, null, Map.of("customers", report.tally("customers").imported(),
                                "keys", report.tally("keys").imported(), "payments",
                                report.tally("payments").imported(), "problems", report.problemCount())));
                return Dm2ImportResponse.from(report);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Dm2Report run(Path file, Dm2Importer.Options options) throws Exception {
        try {
            return importer.run(file, options);
        } catch (Exception e) {
            // An apply that failed may have committed some batches already: the log says it ran, and how it ended.
            transactions.executeWithoutResult(status -> audit.record(options.apply() ? "dm2.import.failed"
                    : "dm2.import.dry-run.failed", "dm2-import", null, null,
                    Map.of("error", String.valueOf(e.getMessage()).replace(file.toString(), "the file"))));
            throw refusal(e, file);
        }
    }

    /** The importer's refusals as the API's problems; anything else as it is (a 500, with its request id). */
    private static Exception refusal(Exception e, Path file) {
        if (e instanceof Dm2Importer.NotADm2Database) {
            return new ApiException(HttpStatus.BAD_REQUEST, "not_a_dm2_database",
                    e.getMessage().replace(file.toString(), "the file"));
        }
        if (e instanceof Dm2Importer.AlreadyRunning) {
            return ApiException.conflict("import_running", e.getMessage());
        }
        return e;
    }
}
