package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a customer is shown for a key of this plan (SPEC §4.5). */
public enum ProvisionMode {
    KEY, SUBSCRIPTION, BOTH, CABINET, CABINET_SUBSCRIPTION;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
