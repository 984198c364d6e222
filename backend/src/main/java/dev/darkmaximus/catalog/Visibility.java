package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a plan is sold: hidden plans still renew existing keys; archived ones neither sell nor renew. */
public enum Visibility {
    VISIBLE, HIDDEN, ARCHIVED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
