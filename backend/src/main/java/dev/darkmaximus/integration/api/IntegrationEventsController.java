package dev.darkmaximus.integration.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.integration.EventFeed;
import dev.darkmaximus.platform.web.Caller;

/** The event feed for integrators, under the key's {@code events:read} scope. */
@RestController
@Validated
@RequestMapping("/api/v1/integrations/events")
@Tag(name = "integrations")
@SecurityRequirement(name = "apiKey")
class IntegrationEventsController {

    private final EventFeed feed;

    IntegrationEventsController(EventFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    @Operation(operationId = "integrationListEvents", summary = "What happened in the shop, oldest first",
            description = "Needs `events:read`. Types: `customer.created`, `order.paid`, `key.created`, "
                    + "`key.extended`, `key.expired`, `key.revoked`, `payment.refunded`. Ask again with `after` = "
                    + "the `nextCursor` you got; an event is listed once its transaction has committed and every "
                    + "older one has finished, so a cursor never skips one. An event's `id` is unique: use it to "
                    + "drop a duplicate.")
    @ApiResponse(responseCode = "200", description = "A page of events.")
    EventPage list(Authentication key,
                   @Parameter(description = "The `nextCursor` of the previous page; leave out to start at the "
                           + "beginning.", example = "7813-42") @RequestParam(required = false) String after,
                   @Parameter(description = "Page size, 1–500.") @RequestParam(defaultValue = "100")
                   @Min(1) @Max(500) int limit) {
        Caller.requireScope(key, "events:read");
        EventFeed.Page page = feed.read(after, limit);
        return new EventPage(page.events().stream().map(IntegrationEvent::from).toList(), page.nextCursor());
    }

    @Schema(name = "IntegrationEventPage")
    record EventPage(List<IntegrationEvent> data,
                     @Schema(description = "Ask with this as `after` for the events that follow; the same cursor "
                             + "as sent (or null at the very start) while there are none yet.", example = "7813-42")
                     String nextCursor) {
    }

    @Schema(name = "IntegrationEvent")
    record IntegrationEvent(@Schema(example = "42") long id,
                            @NotNull @Schema(example = "order.paid", allowableValues = {"customer.created",
                                    "order.paid", "key.created", "key.extended", "key.expired", "key.revoked",
                                    "payment.refunded"}) String type,
                            @NotNull @Schema(example = "2026-12-06T10:15:30Z") Instant occurredAt,
                            @NotNull @Schema(description = "The event's facts; see docs/integrators.md for each type.")
                            Map<String, Object> data) {

        static IntegrationEvent from(EventFeed.Event event) {
            return new IntegrationEvent(event.id(), event.type(), event.occurredAt(), event.data());
        }
    }
}
