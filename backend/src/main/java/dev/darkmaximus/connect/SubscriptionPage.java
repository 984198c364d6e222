package dev.darkmaximus.connect;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.darkmaximus.messaging.MessageFormats;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.AppLinkTable;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.KeyView;
import dev.darkmaximus.subscription.QrCodes;

/**
 * The HTML a person's browser gets for a key's public page: status, days left, traffic, one-tap buttons for the apps
 * of their platform (others folded away), the QR code and instructions. Plain server-rendered HTML in Telegram's
 * look, light or dark as the device is; nothing personal on it (no name, no Telegram id, no panel identity).
 */
@Component
class SubscriptionPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ShopSettings settings;
    private final Templates templates;
    private final Clock clock;

    SubscriptionPage(ShopSettings settings, Templates templates, Clock clock) {
        this.settings = settings;
        this.templates = templates;
        this.clock = clock;
    }

    /** A key's page; {@code apps} are its options, {@code subscriptionUrl} what they import. */
    String key(KeyView key, String language, String platform, List<ConnectOptions.AppOption> apps,
               String subscriptionUrl) {
        StringBuilder body = new StringBuilder();
        body.append("<section class=\"card\"><h2>")
                .append(esc(PageTexts.get(language, "key", key.number(), key.hostNameFor(language)))).append("</h2>")
                .append("<p class=\"status\" data-status=\"").append(esc(key.status())).append("\">")
                .append(esc(templates.render("bot.status." + key.status(), language, Map.of()))).append("</p>");
        if (key.expiresAt() != null) {
            body.append("<p>").append(esc(PageTexts.get(language, "until",
                    DATE.format(key.expiresAt().atZone(settings.timeZone()))))).append("</p>");
            if ("active".equals(key.status())) {
                body.append("<p>").append(esc(PageTexts.get(language, "days_left",
                                MessageFormats.daysLeft(clock.instant(), key.expiresAt()))))
                        .append("</p>");
            }
        }
        String used = gigabytes(language, key.trafficUsedBytes());
        body.append("<p>").append(esc(key.trafficLimitBytes() == 0 ? PageTexts.get(language, "traffic_unlimited", used)
                : PageTexts.get(language, "traffic", used, gigabytes(language, key.trafficLimitBytes()))))
                .append("</p></section>");
        if (subscriptionUrl.isEmpty()) {
            // Nothing to import yet (the panel hasn't given the key a link); a panel subscription would do.
            body.append("<section class=\"card\"><p>").append(esc(PageTexts.get(language, "preparing")))
                    .append("</p></section>");
            return page(language, PageTexts.get(language, "title"), body.toString());
        }
        appButtons(body, language, platform, apps);
        body.append("<section class=\"card\"><h3>").append(esc(PageTexts.get(language, "link"))).append("</h3>")
                .append("<input id=\"subscription-url\" class=\"link\" readonly value=\"").append(esc(subscriptionUrl))
                .append("\"><p class=\"hint\">")
                .append(esc(PageTexts.get(language, "link_hint"))).append("</p>")
                .append("<img class=\"qr\" alt=\"QR\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(QrCodes.png(subscriptionUrl, 240))).append("\">")
                .append("<p class=\"hint\">").append(esc(PageTexts.get(language, "qr"))).append("</p></section>");
        String device = platform.isEmpty() ? "android" : platform;
        body.append("<section class=\"card\"><h3>").append(esc(PageTexts.get(language, "how"))).append("</h3><p>")
                .append(plainTags(templates.render("bot.instructions." + device, language, Map.of()))
                        .replace("\n", "<br>"))
                .append("</p></section>");
        return page(language, PageTexts.get(language, "title"), body.toString());
    }

    private void appButtons(StringBuilder body, String language, String platform,
                            List<ConnectOptions.AppOption> apps) {
        if (apps.isEmpty()) {
            return;
        }
        List<String> order = platform.isEmpty() ? AppLinkTable.PLATFORMS : List.of(platform);
        body.append("<section class=\"card\" id=\"apps\"><h3>").append(esc(PageTexts.get(language, "connect")))
                .append("</h3>");
        for (String p : order) {
            platformApps(body, language, p, apps, platform.isEmpty());
        }
        if (!platform.isEmpty()) {
            body.append("<details><summary>").append(esc(PageTexts.get(language, "other"))).append("</summary>");
            AppLinkTable.PLATFORMS.stream().filter(p -> !p.equals(platform))
                    .forEach(p -> platformApps(body, language, p, apps, true));
            body.append("</details>");
        }
        body.append("</section>");
    }

    private static void platformApps(StringBuilder body, String language, String platform,
                                     List<ConnectOptions.AppOption> apps, boolean titled) {
        List<ConnectOptions.AppOption> here = apps.stream().filter(a -> a.runsOn(platform)).toList();
        if (here.isEmpty()) {
            return;
        }
        if (titled) {
            body.append("<h4>").append(esc(PageTexts.get(language, platform))).append("</h4>");
        }
        for (ConnectOptions.AppOption app : here) {
            body.append("<div class=\"app\" data-app=\"").append(esc(app.id())).append("\" data-platform=\"")
                    .append(platform).append("\"><a class=\"button\" href=\"").append(esc(app.importLink()))
                    .append("\">").append(esc(PageTexts.get(language, "add", app.name()))).append("</a>");
            String download = app.download().get(platform);
            if (download != null) {
                body.append("<a class=\"download\" rel=\"noopener noreferrer\" href=\"").append(esc(download))
                        .append("\" title=\"").append(esc(PageTexts.get(language, "download", app.name())))
                        .append("\">").append(esc(PageTexts.get(language, "get"))).append("</a>");
            }
            body.append("</div>");
        }
    }

    /** The page a Telegram button leads to: it hands the app's deep link to the device, with a button as fallback. */
    String open(String language, String platform, ConnectOptions.AppOption app, String backUrl) {
        StringBuilder body = new StringBuilder();
        body.append("<section class=\"card\"><h2>").append(esc(PageTexts.get(language, "opening", app.name())))
                .append("</h2><div class=\"app\" data-app=\"").append(esc(app.id()))
                .append("\"><a id=\"open\" class=\"button\" href=\"").append(esc(app.importLink())).append("\">")
                .append(esc(PageTexts.get(language, "open", app.name()))).append("</a></div>");
        List<String> where = app.download().containsKey(platform) ? List.of(platform)
                : app.download().keySet().stream().sorted().toList();
        if (!where.isEmpty()) {
            body.append("<p class=\"hint\">").append(esc(PageTexts.get(language, "not_installed"))).append("</p>");
            for (String p : where) {
                body.append("<a class=\"download\" rel=\"noopener noreferrer\" href=\"")
                        .append(esc(app.download().get(p))).append("\">")
                        .append(esc(PageTexts.get(language, "download", app.name()) + " · "
                                + PageTexts.get(language, p))).append("</a>");
            }
        }
        body.append("<p><a class=\"secondary\" href=\"").append(esc(backUrl)).append("\">")
                .append(esc(PageTexts.get(language, "back"))).append("</a></p></section>");
        // A refresh to the app's own scheme: the device opens the app at once, no script needed.
        String refresh = "<meta http-equiv=\"refresh\" content=\"0;url=" + esc(app.importLink()) + "\">";
        return page(language, PageTexts.get(language, "opening", app.name()), body.toString(), refresh);
    }

    /** A page with one sentence: revoked, not found. */
    String message(String language, String textKey) {
        StringBuilder body = new StringBuilder("<section class=\"card\"><p id=\"message\">")
                .append(esc(PageTexts.get(language, textKey))).append("</p>");
        String bot = settings.botUsername();
        if (!bot.isEmpty()) {
            body.append("<a class=\"button\" href=\"https://t.me/").append(esc(bot)).append("\">")
                    .append(esc(PageTexts.get(language, "bot"))).append("</a>");
        }
        return page(language, PageTexts.get(language, "title"), body.append("</section>").toString());
    }

    private String page(String language, String title, String body) {
        return page(language, title, body, "");
    }

    private String page(String language, String title, String body, String head) {
        return "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><meta name=\"color-scheme\" content=\"light dark\">"
                + head + "<title>" + esc(title + " · " + settings.shopName()) + "</title><style>" + STYLE
                + "</style></head><body><header><h1>" + esc(settings.shopName()) + "</h1></header><main>" + body
                + "</main></body></html>";
    }

    /**
     * An admin-edited bot text on a public page: everything escaped, then only bare bold, italic and code tags let
     * back (no attributes), so the text can't restyle or link the page.
     */
    static String plainTags(String html) {
        return esc(html).replaceAll("&lt;(/?)(b|i|code)&gt;", "<$1$2>");
    }

    private static String gigabytes(String language, long bytes) {
        return PageTexts.get(language, "gb", MessageFormats.gigabytes(bytes, language));
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Telegram's own palette and type: light by default, dark when the device is. */
    private static final String STYLE = """
            :root{--bg:#efeff4;--card:#fff;--text:#000;--hint:#8e8e93;--accent:#2481cc;--on-accent:#fff;\
            --line:#c8c7cc}\
            @media (prefers-color-scheme:dark){:root{--bg:#000;--card:#1c1c1d;--text:#fff;--hint:#98989e;\
            --accent:#3e88f7;--line:#38383a}}\
            *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);\
            font:16px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}\
            header{padding:20px 16px 4px;max-width:560px;margin:0 auto}h1{font-size:28px;margin:0}main{padding:8px 12px 24px;max-width:560px;\
            margin:0 auto}.card{background:var(--card);border-radius:12px;padding:14px 16px;margin:12px 0}\
            h2{font-size:20px;margin:0 0 6px}h3{font-size:13px;text-transform:uppercase;color:var(--hint);\
            margin:0 0 10px;font-weight:500}h4{margin:12px 0 6px;font-size:15px}p{margin:6px 0}\
            .hint{color:var(--hint);font-size:14px}.app{display:flex;gap:8px;align-items:center;margin:8px 0}\
            .button{display:block;flex:1 1 0;min-width:0;text-align:center;background:var(--accent);\
            color:var(--on-accent);text-decoration:none;border-radius:10px;padding:12px;font-weight:600}\
            .download,.secondary{color:var(--accent);text-decoration:none;padding:8px 4px;display:inline-block;\
            white-space:nowrap;flex:0 0 auto}\
            .link{width:100%;font:13px ui-monospace,Menlo,monospace;padding:10px;border:1px solid var(--line);\
            border-radius:8px;background:transparent;color:var(--text)}.qr{display:block;margin:12px auto;\
            width:200px;height:200px;image-rendering:pixelated;border-radius:8px;background:#fff}\
            details summary{color:var(--accent);cursor:pointer;margin-top:10px}\
            """;
}
