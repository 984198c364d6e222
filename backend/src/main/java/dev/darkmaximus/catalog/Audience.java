package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who is offered a plan: everyone, customers who never bought it, or those who did. */
public enum Audience {
    ALL, NEW_ONLY, RETURNING_ONLY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
