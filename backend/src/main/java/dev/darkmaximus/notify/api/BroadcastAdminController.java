package dev.darkmaximus.notify.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.notify.BroadcastAudience;
import dev.darkmaximus.notify.BroadcastCommand;
import dev.darkmaximus.notify.BroadcastRecipientView;
import dev.darkmaximus.notify.BroadcastService;
import dev.darkmaximus.notify.BroadcastView;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/admin/broadcasts")
@Validated
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-broadcasts")
class BroadcastAdminController {

    private final BroadcastService broadcasts;

    BroadcastAdminController(BroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    @GetMapping
    @Operation(operationId = "listBroadcasts", summary = "Broadcasts, newest first, with progress")
    @ApiResponse(responseCode = "200", description = "The broadcasts.")
    List<BroadcastView> list(@Parameter(description = "Cursor: the last id of the previous page.")
                             @RequestParam(required = false) Long before,
                             @Parameter(description = "Page size, 1–100.")
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return broadcasts.list(before, limit);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getBroadcast", summary = "One broadcast with its progress")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    BroadcastView get(@PathVariable long id) {
        return broadcasts.get(id);
    }

    @GetMapping("/{id}/recipients")
    @Operation(operationId = "listBroadcastRecipients", summary = "Per-recipient results, in customer order")
    @ApiResponse(responseCode = "200", description = "One page of recipients.")
    List<BroadcastRecipientView> recipients(@PathVariable long id,
                                            @Parameter(description = "Only this status: PENDING, SENDING, SENT, "
                                                    + "BLOCKED, FAILED or INTERRUPTED.") @RequestParam(required = false) String status,
                                            @Parameter(description = "Cursor: the last customerId of the previous page.")
                                            @RequestParam(required = false) Long after,
                                            @Parameter(description = "Page size, 1–500.")
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return broadcasts.recipients(id, status, after, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createBroadcast", summary = "Compose a broadcast (a draft until scheduled)",
            description = "Text is Telegram HTML (≤ 4096 characters, ≤ 1024 under an image); buttons open URLs. Audited.")
    @ApiResponse(responseCode = "201", description = "The draft.")
    BroadcastView create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody BroadcastBody body) {
        return broadcasts.create(body.toCommand(), Caller.staffId(jwt));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateBroadcast", summary = "Change a draft or scheduled broadcast",
            description = "Refused once it has started (409 `broadcast_state`). Audited.")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BroadcastView update(@PathVariable long id, @Valid @RequestBody BroadcastBody body) {
        return broadcasts.update(id, body.toCommand());
    }

    @PostMapping("/audience-count")
    @Operation(operationId = "countBroadcastAudience", summary = "How many customers an audience selects right now",
            description = "Banned customers and those who blocked the bot are never counted.")
    @ApiResponse(responseCode = "200", description = "The count.")
    AudienceCount count(@Valid @RequestBody @NotNull BroadcastAudience audience) {
        return new AudienceCount(broadcasts.count(audience));
    }

    @PostMapping("/{id}/preview")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "previewBroadcast", summary = "Send the message to your own Telegram account",
            description = "Needs a Telegram account linked to your staff profile (409 `telegram_not_linked`); "
                    + "malformed HTML is reported as 422 `telegram_refused`.")
    @ApiResponse(responseCode = "204", description = "Sent.")
    @ApiResponse(responseCode = "422", description = "Telegram refused the message (malformed HTML, bad image).",
            ref = "#/components/responses/Unprocessable")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    void preview(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        broadcasts.preview(id, Caller.staffId(jwt));
    }

    @PostMapping("/{id}/schedule")
    @Operation(operationId = "scheduleBroadcast", summary = "Start now, or at a time",
            description = "The audience is fixed when it starts. Audited.")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BroadcastView schedule(@PathVariable long id, @RequestBody(required = false) ScheduleBody body) {
        return broadcasts.schedule(id, body == null ? null : body.at());
    }

    @PostMapping("/{id}/pause")
    @Operation(operationId = "pauseBroadcast", summary = "Pause a running or scheduled broadcast. Audited.")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BroadcastView pause(@PathVariable long id) {
        return broadcasts.pause(id);
    }

    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeBroadcast", summary = "Go on where a paused broadcast stopped. Audited.")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BroadcastView resume(@PathVariable long id) {
        return broadcasts.resume(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelBroadcast", summary = "Stop a broadcast for good. Audited.")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BroadcastView cancel(@PathVariable long id) {
        return broadcasts.cancel(id);
    }

    @PostMapping("/{id}/resend-interrupted")
    @Operation(operationId = "resendInterruptedBroadcast", summary = "Send again to recipients a stopped node left in "
            + "doubt", description = "Recipients settled INTERRUPTED (their node stopped mid-send; some may have got "
            + "the message) go back in the queue, and a finished broadcast runs again for them. 409 "
            + "`nothing_to_resend` when there are none, `broadcast_state` for a draft, scheduled or canceled one. "
            + "Audited.")
    @ApiResponse(responseCode = "200", description = "The broadcast.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BroadcastView resendInterrupted(@PathVariable long id) {
        return broadcasts.resendInterrupted(id);
    }

    @Schema(name = "BroadcastRequest")
    record BroadcastBody(@NotNull @Size(min = 1, max = 4096) @Schema(example = "<b>New servers</b> in Finland!") String text,
                         @Size(max = 256) String imageFileId,
                         @Size(max = 8) List<BroadcastView.Button> buttons,
                         BroadcastAudience audience) {

        BroadcastCommand toCommand() {
            return new BroadcastCommand(text, imageFileId, buttons, audience);
        }
    }

    @Schema(name = "BroadcastSchedule", description = "at: when to start; absent or in the past = now.")
    record ScheduleBody(Instant at) {
    }

    @Schema(name = "BroadcastAudienceCount")
    record AudienceCount(long count) {
    }
}
