package dev.darkmaximus.platform.settings.api;

import java.util.List;

import dev.darkmaximus.platform.settings.SettingGroupView;

/** The settings screen: its groups in order, each with its settings. */
public record SettingsResponse(List<SettingGroupView> groups) {
}
