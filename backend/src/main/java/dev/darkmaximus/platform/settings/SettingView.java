package dev.darkmaximus.platform.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** One setting as the settings screen shows it; a secret's value never leaves the server. */
@Schema(name = "Setting")
public record SettingView(
        @Schema(example = "trial.days") String key,
        SettingType type,
        @Schema(example = "Trial days") String label,
        @Schema(example = "How long a trial key lasts.") String description,
        @Schema(description = "The value while none is set; null = nothing.", example = "3") String defaultValue,
        @Schema(description = "The value set by an admin; null = the default applies. Always null for secrets.",
                example = "5") String value,
        @Schema(description = "Only for SECRET settings: whether a value is set.")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean secretSet,
        @Schema(description = "Lowest allowed value, in the type's notation (a number or a duration like 1m).",
                example = "1") @JsonInclude(JsonInclude.Include.NON_NULL) String min,
        @Schema(description = "Highest allowed value, in the type's notation.", example = "365")
        @JsonInclude(JsonInclude.Include.NON_NULL) String max) {

    static SettingView of(SettingDefinition definition, String stored, String language) {
        String defaultValue = definition.defaultValue().isEmpty() ? null : definition.defaultValue();
        String label = SettingCatalogue.label(definition, language);
        String description = SettingCatalogue.description(definition, language);
        if (definition.secret()) {
            return new SettingView(definition.key(), definition.type(), label, description, null, null,
                    stored != null, null, null);
        }
        return new SettingView(definition.key(), definition.type(), label, description, defaultValue, stored, null,
                definition.min(), definition.max());
    }
}
