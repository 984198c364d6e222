package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a Remnawave panel starts counting a user's traffic from zero again. */
public enum TrafficStrategy {
    NO_RESET, DAY, WEEK, MONTH;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
