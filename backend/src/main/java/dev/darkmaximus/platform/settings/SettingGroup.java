package dev.darkmaximus.platform.settings;

/** The settings screen's sections (SPEC §13), in the order it shows them. */
public enum SettingGroup {
    GENERAL("General", "Общие"),
    ACCESS("Access", "Доступ"),
    TRIAL("Trial", "Пробный период"),
    CONNECT("Connecting", "Подключение"),
    REFERRAL("Referral", "Рефералы"),
    PAYMENTS("Payments", "Платежи"),
    REMINDERS("Reminders", "Напоминания"),
    BROADCAST("Broadcast", "Рассылки"),
    SUPPORT("Support", "Поддержка"),
    SYNC("Sync", "Синхронизация"),
    SECURITY("Security", "Безопасность"),
    ADMIN("Admin", "Администрирование");

    private final String label;
    private final String labelRu;

    SettingGroup(String label, String labelRu) {
        this.label = label;
        this.labelRu = labelRu;
    }

    public String label() {
        return label;
    }

    public String label(String language) {
        return "ru".equals(language) ? labelRu : label;
    }
}
