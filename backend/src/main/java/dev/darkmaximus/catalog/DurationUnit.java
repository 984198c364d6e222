package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Unit of a plan's duration. */
public enum DurationUnit {
    MONTHS, DAYS, HOURS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
