package dev.darkmaximus.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The panel software behind a host; each has its adapter behind the same port. */
public enum PanelType {
    XUI_V2, XUI_V3, REMNAWAVE;

    /** 3x-ui panels sign in with a user and password and sell on inbounds; Remnawave uses a token and squads. */
    public boolean xui() {
        return this != REMNAWAVE;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
