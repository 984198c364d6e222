package dev.darkmaximus.subscription.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.HostView;

/** A server a customer may take the trial on: what the choice shows, nothing of its panel. */
public record TrialHostResponse(
        @Schema(example = "3") long id,
        @Schema(example = "Нидерланды") String name,
        @Schema(description = "The name for customers who read English; null = `name`.", example = "Netherlands",
                nullable = true) String nameEn,
        @Schema(description = "ISO 3166 code.", example = "NL", nullable = true) String countryCode,
        @Schema(example = "🇳🇱", nullable = true) String flag) {

    static TrialHostResponse from(HostView host) {
        return new TrialHostResponse(host.id(), host.name(), host.nameEn(), host.countryCode(), host.flag());
    }
}
