package dev.darkmaximus.platform.settings.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** New values by setting key; an empty string or null = back to the default. */
public record SettingsUpdateRequest(
        @Schema(example = "{\"trial.days\": \"5\", \"payments.order-expiry\": \"45m\", \"general.miniapp-url\": \"\"}")
        @NotNull @Size(max = 200) Map<String, String> values) {
}
