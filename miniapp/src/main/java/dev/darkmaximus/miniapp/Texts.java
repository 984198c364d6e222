package dev.darkmaximus.miniapp;

/** The Mini App's interface strings in our two languages. */
final class Texts {

    private final boolean russian;

    Texts(String language) {
        this.russian = "ru".equals(language);
    }

    String language() {
        return russian ? "ru" : "en";
    }

    String loading() {
        return russian ? "Загрузка…" : "Loading…";
    }

    String greeting(String name) {
        return russian ? "Здравствуйте, " + name + "! Выберите тариф." : "Hello, " + name + "! Pick a plan.";
    }

    String emptyCatalog() {
        return russian ? "Тарифов пока нет. Загляните позже." : "No plans on sale yet. Please check back later.";
    }

    String openFromTelegram() {
        return russian ? "Откройте приложение из Telegram." : "Please open this app from Telegram.";
    }

    String networkError() {
        return russian ? "Нет связи с сервером. Попробуйте ещё раз." : "Can't reach the server. Please try again.";
    }

    String unlimited() {
        return russian ? "Безлимит" : "Unlimited";
    }

    String gigabytes(int gb) {
        return gb + (russian ? " ГБ" : " GB");
    }

    String devices(int count) {
        if (count == 0) {
            return russian ? "без лимита устройств" : "any number of devices";
        }
        return russian ? "устройств: " + count : count + (count == 1 ? " device" : " devices");
    }
}
