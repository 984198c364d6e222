package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What revoking a key does on a panel that can keep users (Remnawave): remove it, or disable it and revoke its link. */
public enum RevokeMode {
    DELETE, DISABLE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
