package dev.darkmaximus.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.Chromium;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/**
 * A key's public page, /s/&lt;subId&gt;: one URL that shows a person's browser the key and its app buttons and gives
 * a VPN app the subscription (base64 links with the usage, expiry, title and refresh headers); revoked and unknown
 * keys answer plainly; nothing personal is on it.
 */
class SubscriptionPageIT extends PanelBackedTest {

    static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    Shop.Customer customer;
    long keyId;
    String subId;
    Instant expires;

    @BeforeEach
    void aKeyAndAPublicAddress() {
        settings.put(ShopSettings.PUBLIC_URL, "https://vpn.example.com", Setting.ValueType.STRING, "test");
        customer = shop.customer();
        expires = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).plusSeconds(3600);
        keyId = shop.activeKey(customer.id(), hostId, null, expires, "INHERIT");
        jdbc.sql("""
                UPDATE vpn_keys SET traffic_used_bytes = 1610612736, traffic_limit_bytes = 53687091200,
                       connection_link = 'vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@vpn.example.com:443?type=tcp&security=reality#NL%20%231'
                WHERE id = :id""").param("id", keyId).update();
        subId = jdbc.sql("SELECT subscription_id FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single();
    }

    @AfterEach
    void noPublicAddress() {
        settings.put(ShopSettings.PUBLIC_URL, "", Setting.ValueType.STRING, "test");
    }

    @Test
    void aVpnAppGetsTheSubscriptionWithItsHeaders() {
        for (String app : new String[] {"Happ/1.9.2", "v2rayNG/1.10.31", "HiddifyNext/2.5.7 (android) like "
                + "ClashMeta v2ray sing-box", "Streisand/1.6", "curl/8.5.0"}) {
            Api.Response answer = page("/s/" + subId, app, "ru");
            assertThat(answer.status()).as(app).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("text/plain");
            assertThat(new String(Base64.getDecoder().decode(answer.body()), StandardCharsets.UTF_8))
                    .isEqualTo("vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@vpn.example.com:443?type=tcp"
                            + "&security=reality#NL%20%231\n");
            assertThat(answer.header("subscription-userinfo"))
                    .isEqualTo("upload=0; download=1610612736; total=53687091200; expire=" + expires.getEpochSecond());
            assertThat(answer.header("profile-title")).startsWith("base64:");
            assertThat(new String(Base64.getDecoder().decode(answer.header("profile-title").substring(7)),
                    StandardCharsets.UTF_8)).isEqualTo(settings.shopName() + " #1");
            assertThat(answer.header("profile-update-interval")).isEqualTo("12");
            assertThat(answer.header("profile-web-page-url")).isEqualTo("https://vpn.example.com/s/" + subId);
            assertThat(answer.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void whereThePanelServesSubscriptionsAppsAreSentThereAndPeopleStillGetThePage() {
        String panel = "https://sub.example.net/sub/" + subId;
        jdbc.sql("UPDATE vpn_keys SET subscription_url = :u WHERE id = :id").param("u", panel).param("id", keyId)
                .update();
        Api.Response app = page("/s/" + subId, "v2rayNG/1.10.31", "en");
        assertThat(app.status()).as("the panel lists every link of the key").isEqualTo(302);
        assertThat(app.header("Location")).isEqualTo(panel);
        assertThat(page("/s/" + subId, CHROME_ANDROID, "en").body()).contains("Key #1", "Add to Happ");
        // An active key whose panel gave no single link still connects through the panel's subscription.
        jdbc.sql("UPDATE vpn_keys SET connection_link = NULL WHERE id = :id").param("id", keyId).update();
        assertThat(page("/s/" + subId, CHROME_ANDROID, "en").body()).contains("Add to Happ")
                .doesNotContain("still being prepared");
        assertThat(page("/s/" + subId, "Happ/1.9.2", "en").status()).isEqualTo(302);

        // A key whose panel gave no link and serves no subscription has no page to offer: its link list is empty.
        jdbc.sql("UPDATE vpn_keys SET subscription_url = NULL, connection_link = NULL WHERE id = :id")
                .param("id", keyId).update();
        assertThat(page("/s/" + subId, "Happ/1.9.2", "en").status()).isEqualTo(404);
        JsonNode connect = api.get("/api/v1/me/keys/" + keyId + "/connect", customer.token()).expect(200).json();
        assertThat(connect.path("pageUrl").isNull()).isTrue();
        assertThat(connect.path("apps").isEmpty()).isTrue();
    }

    @Test
    void aBrowserGetsThePageWithTheAppsOfItsPlatformFirst() {
        Api.Response ru = page("/s/" + subId, CHROME_ANDROID, "ru-RU,ru;q=0.9");
        assertThat(ru.status()).isEqualTo(200);
        assertThat(ru.header("Content-Type")).startsWith("text/html");
        assertThat(ru.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        String html = ru.body();
        assertThat(html).contains("<html lang=\"ru\"", "Ключ #1", "✅ активен", "Трафик: 1,5 ГБ из 50,0 ГБ",
                "Осталось дней: 11", "Подключить в один тап",
                "<a class=\"button\" href=\"happ://add/https://vpn.example.com/s/" + subId + "\">Добавить в Happ</a>",
                "href=\"https://play.google.com/store/apps/details?id=com.happproxy\" title=\"Скачать Happ\">Скачать</a>",
                "value=\"https://vpn.example.com/s/" + subId + "\"", "data:image/png;base64,", "Другие устройства");
        int firstDetails = html.indexOf("<details>");
        assertThat(html.indexOf("data-platform=\"android\"")).as("Android apps before the fold")
                .isBetween(0, firstDetails);
        assertThat(html.indexOf("data-platform=\"ios\"")).as("iPhone apps folded away").isGreaterThan(firstDetails);
        assertThat(html).as("nothing personal").doesNotContain(Long.toString(customer.telegramId()), "Key key",
                Shop.email(keyId));

        String en = page("/s/" + subId, SAFARI_IPHONE, "en-GB").body();
        assertThat(en).contains("<html lang=\"en\"", "Key #1", "Traffic: 1.5 GB of 50.0 GB",
                "href=\"streisand://import/https://vpn.example.com/s/" + subId + "\">Add to Streisand</a>");
        assertThat(en.indexOf("data-platform=\"ios\"")).isLessThan(en.indexOf("<details>"));
    }

    @Test
    void thePageIsShotInBothLanguagesOnAPhoneAndADesktopInLightAndDark() {
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            for (String language : new String[] {"ru", "en"}) {
                for (boolean phone : new boolean[] {true, false}) {
                    for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
                        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                                .setViewportSize(phone ? 390 : 1280, phone ? 844 : 900).setLocale(language)
                                .setColorScheme(scheme).setUserAgent(phone ? CHROME_ANDROID
                                        : "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36"));
                        Page page = context.newPage();
                        page.navigate("http://127.0.0.1:" + port + "/s/" + subId + "?lang=" + language);
                        PlaywrightAssertions.assertThat(page.locator("#apps")).isVisible();
                        assertThat(((Number) page.evaluate("() => document.scrollingElement.scrollWidth"
                                + " - window.innerWidth")).intValue()).isLessThanOrEqualTo(0);
                        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target",
                                "screenshots", "subscription-page-" + language + "-" + (phone ? "phone" : "desktop")
                                        + "-" + scheme.name().toLowerCase(Locale.ROOT) + ".png")));
                        context.close();
                    }
                }
            }
        }
    }

    @Test
    void aTelegramButtonOpensTheAppThroughAnHttpsPage() {
        Api.Response open = page("/s/" + subId + "/open/v2rayng", CHROME_ANDROID, "en");
        assertThat(open.status()).isEqualTo(200);
        String link = "v2rayng://install-sub?url=https%3A%2F%2Fvpn.example.com%2Fs%2F" + subId + "#"
                + "Dark%20Maximus%20VPN%20%231".replace("Dark%20Maximus%20VPN", DeepLinks.encode(settings.shopName()));
        assertThat(open.body()).contains("<meta http-equiv=\"refresh\" content=\"0;url=" + link + "\">",
                "<a id=\"open\" class=\"button\" href=\"" + link + "\">Open v2rayNG</a>",
                "https://github.com/2dust/v2rayNG/releases", "href=\"https://vpn.example.com/s/" + subId + "\"");
        assertThat(page("/s/" + subId + "/open/nosuchapp", CHROME_ANDROID, "en").status()).isEqualTo(404);
    }

    @Test
    void revokedAndUnknownKeysAnswerPlainly() {
        jdbc.sql("UPDATE vpn_keys SET status = 'REVOKED' WHERE id = :id").param("id", keyId).update();
        Api.Response browser = page("/s/" + subId, CHROME_ANDROID, "ru");
        assertThat(browser.status()).isEqualTo(410);
        assertThat(browser.body()).contains("Этот ключ отозван").doesNotContain("vless://");
        Api.Response app = page("/s/" + subId, "Happ/1.9.2", "ru");
        assertThat(app.status()).isEqualTo(410);
        assertThat(app.body()).doesNotContain("vless");
        assertThat(page("/s/" + subId + "/open/happ", CHROME_ANDROID, "en").status()).isEqualTo(410);

        assertThat(page("/s/NoSuchSubscription1", CHROME_ANDROID, "en").body()).contains("There is no such key");
        assertThat(page("/s/NoSuchSubscription1", "Happ/1.9.2", "en").status()).isEqualTo(404);
        assertThat(page("/s/%3Cscript%3E", CHROME_ANDROID, "en").status()).isEqualTo(404);
    }

    @Test
    void aKeyStillBeingPreparedTellsAppsToComeBack() {
        jdbc.sql("UPDATE vpn_keys SET status = 'PROVISIONING', connection_link = NULL WHERE id = :id")
                .param("id", keyId).update();
        Api.Response app = page("/s/" + subId, "Happ/1.9.2", "en");
        assertThat(app.status()).isEqualTo(503);
        assertThat(app.header("Retry-After")).isEqualTo("60");
        assertThat(page("/s/" + subId, CHROME_ANDROID, "en").body()).contains("still being prepared");
    }

    @Test
    void theMiniAppGetsTheAppsOfAKeyThroughTheApi() {
        JsonNode connect = api.get("/api/v1/me/keys/" + keyId + "/connect", customer.token()).expect(200).json();
        assertThat(connect.path("pageUrl").asString()).isEqualTo("https://vpn.example.com/s/" + subId);
        assertThat(connect.path("subscriptionUrl").asString()).isEqualTo("https://vpn.example.com/s/" + subId);
        JsonNode happ = connect.path("apps").get(0);
        assertThat(happ.path("id").asString()).isEqualTo("happ");
        assertThat(happ.path("importLink").asString()).isEqualTo("happ://add/https://vpn.example.com/s/" + subId);
        assertThat(happ.path("openUrl").asString()).isEqualTo("https://vpn.example.com/s/" + subId + "/open/happ");

        Shop.Customer stranger = shop.customer();
        api.get("/api/v1/me/keys/" + keyId + "/connect", stranger.token()).problem(404, "not_found");

        settings.put(ShopSettings.PUBLIC_URL, "", Setting.ValueType.STRING, "test");
        JsonNode nothing = api.get("/api/v1/me/keys/" + keyId + "/connect", customer.token()).expect(200).json();
        assertThat(nothing.path("pageUrl").isNull()).isTrue();
        assertThat(nothing.path("subscriptionUrl").isNull()).isTrue();
        assertThat(nothing.path("apps").isEmpty()).as("nothing to import: the link and QR only").isTrue();

        jdbc.sql("UPDATE vpn_keys SET subscription_url = 'https://panel.example.com:2096/sub/' || subscription_id "
                + "WHERE id = :id").param("id", keyId).update();
        JsonNode panelOnly = api.get("/api/v1/me/keys/" + keyId + "/connect", customer.token()).expect(200).json();
        assertThat(panelOnly.path("pageUrl").isNull()).isTrue();
        assertThat(panelOnly.path("apps").get(0).path("importLink").asString())
                .isEqualTo("happ://add/https://panel.example.com:2096/sub/" + subId);
        assertThat(panelOnly.path("apps").get(0).path("openUrl").isNull()).as("Telegram can't open it").isTrue();
    }

    @Test
    void guessingSubscriptionIdsFromOneAddressIsCutOffAfterItsBudget() {
        Api guesser = new Api(port, "10.250." + (int) (keyId % 250) + ".7");
        for (int i = 0; i < 60; i++) {
            assertThat(guesser.get("/s/guess" + i + "aaaaaaaa", null, Map.of("User-Agent", "Happ/1.9.2")).status())
                    .isEqualTo(404);
        }
        Api.Response limited = guesser.get("/s/" + subId, null, Map.of("User-Agent", "Happ/1.9.2"));
        assertThat(limited.status()).as("even a real id, once the address spent its budget").isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(page("/s/" + subId, "Happ/1.9.2", "en").status()).as("another address").isEqualTo(200);
    }

    private Api.Response page(String path, String userAgent, String language) {
        return api.get(path, null, Map.of("User-Agent", userAgent, "Accept-Language", language));
    }
}
