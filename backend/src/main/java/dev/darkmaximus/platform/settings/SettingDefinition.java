package dev.darkmaximus.platform.settings;

import java.util.regex.Pattern;

/**
 * One setting as the shop knows it: where it is shown, what it means and what it may hold. Bounds are written in
 * the type's own notation ("1".."365" for numbers, "1m".."24h" for durations) and are inclusive.
 *
 * @param defaultValue the value while nobody set one, as the getters read it; "" = none
 * @param format       for STRING settings, a shape the whole value must match; null = any text
 * @param formatRule   what {@code format} demands, as the admin is told ("must be …")
 */
public record SettingDefinition(String key, SettingGroup group, SettingType type, String label, String description,
                                String defaultValue, String min, String max, Pattern format, String formatRule) {

    static SettingDefinition of(String key, SettingGroup group, SettingType type, String label, String description,
                                String defaultValue) {
        return new SettingDefinition(key, group, type, label, description, defaultValue, null, null, null, null);
    }

    SettingDefinition between(String lowest, String highest) {
        return new SettingDefinition(key, group, type, label, description, defaultValue, lowest, highest, format,
                formatRule);
    }

    SettingDefinition matching(String regex, String rule) {
        return new SettingDefinition(key, group, type, label, description, defaultValue, min, max,
                Pattern.compile(regex), rule);
    }

    public boolean secret() {
        return type == SettingType.SECRET;
    }

    /** The value as it will be stored; {@code value} is already stripped and not empty. */
    String normalize(String value) {
        return SettingValues.normalize(this, value);
    }
}
