package dev.darkmaximus.platform.settings;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One section of the settings screen. */
@Schema(name = "SettingGroup")
public record SettingGroupView(SettingGroup group, @Schema(example = "Trial") String label,
                               List<SettingView> settings) {
}
