package dev.darkmaximus.platform.settings;

import dev.darkmaximus.platform.settings.persistence.Setting;

/** What a setting's value means, which decides how it is checked and how the settings screen edits it. */
public enum SettingType {
    BOOLEAN(Setting.ValueType.BOOL),
    INTEGER(Setting.ValueType.INT),
    /** An amount in kopecks. */
    MONEY(Setting.ValueType.MONEY),
    /** Like "30m", "24h", "5d". */
    DURATION(Setting.ValueType.DURATION),
    /** Comma-separated durations, like "72h,24h,1h". */
    DURATION_LIST(Setting.ValueType.STRING),
    STRING(Setting.ValueType.STRING),
    /** Text of several lines (bank details): edited in a text area. */
    TEXT(Setting.ValueType.STRING),
    /** An absolute http(s) URL. */
    URL(Setting.ValueType.STRING),
    /** A Telegram chat id: negative for groups and channels. */
    CHAT_ID(Setting.ValueType.INT),
    /** A java.time zone id such as Europe/Moscow. */
    TIME_ZONE(Setting.ValueType.STRING),
    /** One of the shop's languages: ru or en. */
    LANGUAGE(Setting.ValueType.STRING),
    /** A host's id from the catalog. */
    HOST_ID(Setting.ValueType.INT),
    /** The VPN apps table: a JSON array checked by {@link AppLinkTable}. */
    APP_LINKS(Setting.ValueType.JSON),
    /** Stored encrypted, never shown or logged: the API only tells whether it is set. */
    SECRET(Setting.ValueType.STRING);

    private final Setting.ValueType storedAs;

    SettingType(Setting.ValueType storedAs) {
        this.storedAs = storedAs;
    }

    Setting.ValueType storedAs() {
        return storedAs;
    }
}
