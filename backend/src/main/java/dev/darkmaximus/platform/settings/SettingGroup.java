package dev.darkmaximus.platform.settings;

/** The settings screen's sections (SPEC §13), in the order it shows them. */
public enum SettingGroup {
    GENERAL("General"),
    ACCESS("Access"),
    TRIAL("Trial"),
    CONNECT("Connecting"),
    REFERRAL("Referral"),
    PAYMENTS("Payments"),
    REMINDERS("Reminders"),
    BROADCAST("Broadcast"),
    SUPPORT("Support"),
    SYNC("Sync"),
    SECURITY("Security"),
    ADMIN("Admin");

    private final String label;

    SettingGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
