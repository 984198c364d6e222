package dev.darkmaximus.connect;

import java.util.Map;

/** The subscription page's own words, ru and en; statuses and instructions come from the bot's templates. */
final class PageTexts {

    private static final Map<String, Map<String, String>> TEXTS = Map.ofEntries(
            entry("title", "Ваш VPN-ключ", "Your VPN key"),
            entry("key", "Ключ #%s · %s", "Key #%s · %s"),
            entry("until", "Действует до %s", "Valid until %s"),
            entry("days_left", "Осталось дней: %s", "Days left: %s"),
            entry("traffic", "Трафик: %s из %s", "Traffic: %s of %s"),
            entry("traffic_unlimited", "Трафик: %s, без ограничений", "Traffic: %s, unlimited"),
            entry("gb", "%s ГБ", "%s GB"),
            entry("connect", "Подключить в один тап", "Connect in one tap"),
            entry("add", "Добавить в %s", "Add to %s"),
            entry("download", "Скачать %s", "Get %s"),
            entry("get", "Скачать", "Get it"),
            entry("other", "Другие устройства", "Other devices"),
            entry("link", "Ссылка подписки", "Subscription link"),
            entry("link_hint", "Если кнопки не сработали, скопируйте ссылку и добавьте её в приложение вручную.",
                    "If the buttons don't work, copy the link and add it in your app by hand."),
            entry("qr", "Отсканируйте QR-код VPN-приложением на другом устройстве.",
                    "Scan the QR code with the VPN app on another device."),
            entry("how", "Как подключиться", "How to connect"),
            entry("bot", "Открыть бота", "Open the bot"),
            entry("revoked", "Этот ключ отозван. Новый ключ можно получить в боте.",
                    "This key was revoked. You can get a new one in the bot."),
            entry("not_found", "Такого ключа нет. Проверьте ссылку или откройте бота.",
                    "There is no such key. Check the link or open the bot."),
            entry("preparing", "Ключ ещё готовится. Обновите страницу через минуту.",
                    "The key is still being prepared. Reload this page in a minute."),
            entry("opening", "Открываем %s…", "Opening %s…"),
            entry("open", "Открыть %s", "Open %s"),
            entry("not_installed", "Приложения ещё нет? Скачайте его:", "Don't have the app yet? Get it:"),
            entry("back", "Все приложения и QR-код", "All apps and the QR code"),
            entry("android", "Android", "Android"),
            entry("ios", "iPhone и iPad", "iPhone and iPad"),
            entry("windows", "Windows", "Windows"),
            entry("macos", "macOS", "macOS"),
            entry("linux", "Linux", "Linux"));

    private PageTexts() {
    }

    static String get(String language, String key, Object... args) {
        String text = TEXTS.get(key).get("ru".equals(language) ? "ru" : "en");
        return args.length == 0 ? text : String.format(text, args);
    }

    private static Map.Entry<String, Map<String, String>> entry(String key, String ru, String en) {
        return Map.entry(key, Map.of("ru", ru, "en", en));
    }
}
