package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The panel software behind a host. Marzban and Remnawave come later through the same port. */
public enum PanelType {
    XUI_V2, XUI_V3;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
