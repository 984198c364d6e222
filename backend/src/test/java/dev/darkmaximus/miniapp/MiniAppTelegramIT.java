package dev.darkmaximus.miniapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.testsupport.Chromium;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestIds;

/**
 * The Mini App inside a stand-in for Telegram: a {@code Telegram.WebApp} object injected before the page loads, with
 * initData signed by the test bot token, a theme that can change while the app is open, a back button and native
 * confirmations. Screenshots of every screen in light and dark go to {@code target/screenshots/}.
 */
class MiniAppTelegramIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> LIGHT = Map.of("bg_color", "#ffffff", "text_color", "#000000",
            "hint_color", "#707579", "button_color", "#3390ec", "button_text_color", "#ffffff",
            "secondary_bg_color", "#f4f4f5");
    private static final Map<String, String> DARK = Map.of("bg_color", "#212121", "text_color", "#ffffff",
            "hint_color", "#aaaaaa", "button_color", "#8774e1", "button_text_color", "#ffffff",
            "secondary_bg_color", "#181818");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signedInByTelegramFollowingItsThemeOnEveryScreen() {
        long telegramId = TestIds.telegramId();
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = telegramPage(browser, telegramId, "en", "");
            assertThat(page.locator("#greeting")).containsText("Hello, Tg");
            assertThat(page.locator("#tabs")).isVisible();
            // The tab bar sits at the bottom of the screen, as in Telegram's own apps.
            assertThat(((Number) page.evaluate("() => Math.round(document.getElementById('tabs')"
                    + ".getBoundingClientRect().bottom - window.innerHeight)")).intValue()).isZero();
            assertThat(page.locator("#title")).hasText("Plans");
            assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE telegram_id = :t").param("t", telegramId)
                    .query(Long.class).single()).isEqualTo(1);

            for (String scheme : new String[] {"light", "dark"}) {
                page.evaluate("([params, scheme]) => window.dmTelegram.switchTheme(params, scheme)",
                        List.of("light".equals(scheme) ? LIGHT : DARK, scheme));
                assertThat(page.locator("html")).hasAttribute("data-scheme", scheme);
                // Telegram's own layout: the page in the secondary background, sections in the main one.
                assertThat(backgroundOf(page)).isEqualTo("light".equals(scheme) ? "rgb(244, 244, 245)" : "rgb(24, 24, 24)");
                assertThat(page.evaluate("() => getComputedStyle(document.getElementById('tabs')).backgroundColor"))
                        .isEqualTo("light".equals(scheme) ? "rgb(255, 255, 255)" : "rgb(33, 33, 33)");
                for (String tab : new String[] {"catalog", "keys", "balance", "support"}) {
                    page.locator("#tab-" + tab).click();
                    assertThat(page.locator("#" + tab)).isVisible();
                    page.waitForCondition(() -> page.locator("#status").textContent().isEmpty());
                    assertThat(page.locator("#tab-" + tab)).hasClass("tab active");
                    assertThat(page.locator("#tab-" + tab + " svg")).isVisible();
                    assertThat(page.locator("#greeting")).isVisible(new LocatorAssertions.IsVisibleOptions()
                            .setVisible("catalog".equals(tab)));
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(Path.of("target", "screenshots", "miniapp-" + tab + "-" + scheme + ".png")));
                }
                page.locator("#tab-balance").click();
                page.locator("#topup").click();
                page.locator("#topup-amount").fill("500");
                assertThat(page.locator("#quote-amount")).hasText("Total: 500 ₽");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "miniapp-checkout-" + scheme + ".png")));
                page.evaluate("() => window.dmTelegram.pressBack()");
                assertThat(page.locator("#balance")).isVisible();
            }
        }
    }

    @Test
    void supportIsWrittenToAndClosedAfterTelegramsConfirmation() {
        long telegramId = TestIds.telegramId();
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = telegramPage(browser, telegramId, "ru", "&tab=support");
            assertThat(page.locator("#support .hint")).containsText("Опишите вопрос");
            page.locator("#support-text").fill("Не подключается ключ");
            page.locator("#support-send").click();

            assertThat(page.locator("#conversation .bubble.mine")).hasText("Не подключается ключ");
            long ticket = jdbc.sql("SELECT t.id FROM support_tickets t JOIN customers c ON c.id = t.customer_id "
                    + "WHERE c.telegram_id = :t AND t.status = 'OPEN'").param("t", telegramId).query(Long.class).single();
            assertThat(page.locator("#support .hint")).containsText("№" + ticket);
            assertThat(page.evaluate("() => window.dmTelegram.haptics.join(',')").toString()).contains("success");

            page.locator("#support-close").click();
            page.waitForCondition(() -> "CLOSED".equals(jdbc.sql("SELECT status FROM support_tickets WHERE id = :id")
                    .param("id", ticket).query(String.class).single()));
            assertThat(page.evaluate("() => window.dmTelegram.confirms.length")).isEqualTo(1);
            assertThat(page.locator("#support-close")).isHidden();
        }
    }

    @Test
    void anApiRefusalIsShownInWordsAndTheBackButtonLeadsOutOfCheckout() {
        long telegramId = TestIds.telegramId();
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = telegramPage(browser, telegramId, "en", "");
            assertThat(page.locator("#tabs")).isVisible();
            // The tab bar sits at the bottom of the screen, as in Telegram's own apps.
            assertThat(((Number) page.evaluate("() => Math.round(document.getElementById('tabs')"
                    + ".getBoundingClientRect().bottom - window.innerHeight)")).intValue()).isZero();
            assertThat(page.locator("#title")).hasText("Plans");
            page.waitForCondition(() -> page.locator("#status").textContent().isEmpty());
            page.route("**/api/v1/me/keys", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(503).setContentType("application/problem+json")
                    .setBody("{\"type\":\"https://darkmaximus.dev/problems/panel_unavailable\",\"title\":\"Service "
                            + "Unavailable\",\"status\":503,\"code\":\"panel_unavailable\",\"detail\":\"The VPN "
                            + "server is not answering right now; please try again in a minute.\"}")));
            page.locator("#tab-keys").click();
            assertThat(page.locator("#error")).isVisible();
            assertThat(page.locator("#error")).hasText("The VPN server is not answering right now; please try again "
                    + "in a minute.");
            assertThat(page.locator("#error")).hasAttribute("data-code", "panel_unavailable");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-error.png")));
            page.unroute("**/api/v1/me/keys");
            page.locator("#retry").click();
            assertThat(page.locator("#error")).isHidden();
            assertThat(page.locator("#keys")).isVisible();
            page.waitForCondition(() -> page.locator("#status").textContent().isEmpty());

            page.locator("#tab-catalog").click();
            assertThat(page.locator("#error")).isHidden();
            page.locator("#tab-balance").click();
            assertThat(page.locator("#balance .section-title").first()).hasText("History");
            assertThat(page.locator("#balance .empty")).hasText("No transactions yet.");
            page.locator("#topup").click();
            assertThat(page.locator("#checkout")).isVisible();
            assertThat(page.evaluate("() => window.dmTelegram.backVisible")).isEqualTo(true);
            assertThat(page.evaluate("() => window.dmTelegram.main.visible")).isEqualTo(true);
            assertThat(page.evaluate("() => window.dmTelegram.main.active")).as("no amount yet").isEqualTo(false);
            assertThat(page.locator("#pay")).isHidden();
            page.locator("#topup-amount").fill("500");
            assertThat(page.locator("#quote-amount")).hasText("Total: 500 ₽");
            page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate("() => window.dmTelegram.main.active")));
            assertThat((String) page.evaluate("() => window.dmTelegram.main.text")).isNotBlank();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-checkout.png")));
            page.evaluate("() => window.dmTelegram.pressBack()");
            assertThat(page.locator("#balance")).isVisible();
            assertThat(page.evaluate("() => window.dmTelegram.backVisible")).isEqualTo(false);
            assertThat(page.evaluate("() => window.dmTelegram.main.visible")).isEqualTo(false);
        }
    }

    @Test
    void theProfileSwitchesTheLanguageAndTheAutoRenewalDefault() {
        long telegramId = TestIds.telegramId();
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = telegramPage(browser, telegramId, "en", "&tab=balance");
            assertThat(page.locator("#tab-balance")).hasText("Profile");
            assertThat(page.locator("#auto-renew-default")).isChecked();
            page.locator("#auto-renew-default").uncheck();
            page.waitForCondition(() -> !jdbc.sql("SELECT auto_renew_default FROM customers WHERE telegram_id = :t")
                    .param("t", telegramId).query(Boolean.class).single());

            page.locator("#language-ru").click();
            assertThat(page.locator("#tab-balance")).hasText("Профиль");
            assertThat(page.locator("#language-ru")).hasClass("tab active");
            assertThat(page.locator("#auto-renew-default")).not().isChecked();
            assertThat(jdbc.sql("SELECT language FROM customers WHERE telegram_id = :t").param("t", telegramId)
                    .query(String.class).single()).isEqualTo("ru");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-profile-ru.png")));
        }
    }

    /** A page whose Telegram.WebApp is our stand-in, launched for {@code telegramId}. */
    private Page telegramPage(Browser browser, long telegramId, String language, String query) {
        String initData = InitData.signed(InitData.TEST_BOT_TOKEN, Instant.now().getEpochSecond(),
                InitData.userJson(telegramId, "Tg", "tg" + telegramId, language), Map.of());
        Page page = Chromium.page(browser);
        page.route("https://telegram.org/**", route -> route.abort());
        page.addInitScript(STUB.replace("__INIT_DATA__", JSON.writeValueAsString(initData))
                .replace("__LANGUAGE__", JSON.writeValueAsString(language))
                .replace("__ID__", Long.toString(telegramId))
                .replace("__THEME__", JSON.writeValueAsString(LIGHT)));
        page.navigate("http://127.0.0.1:" + port + "/app/?x=1" + query);
        return page;
    }

    private static String backgroundOf(Page page) {
        return (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
    }

    /** What Telegram's script would provide, recording what the app asks of it. */
    private static final String STUB = """
            (function () {
              var handlers = {};
              var back = [];
              var t = window.dmTelegram = { haptics: [], confirms: [], backVisible: false,
                switchTheme: function (params, scheme) {
                  app.themeParams = params; app.colorScheme = scheme;
                  (handlers.themeChanged || []).forEach(function (h) { h(); });
                },
                pressBack: function () { back.slice().forEach(function (h) { h(); }); } };
              var app = {
                initData: __INIT_DATA__,
                initDataUnsafe: { user: { id: __ID__, first_name: 'Tg', language_code: __LANGUAGE__ } },
                themeParams: __THEME__, colorScheme: 'light', platform: 'tdesktop', version: '8.0',
                ready: function () {}, expand: function () {},
                onEvent: function (name, h) { (handlers[name] = handlers[name] || []).push(h); },
                BackButton: {
                  show: function () { t.backVisible = true; }, hide: function () { t.backVisible = false; },
                  onClick: function (h) { back.push(h); },
                  offClick: function (h) { back = back.filter(function (x) { return x !== h; }); } },
                MainButton: {
                  text: '', visible: false, active: true,
                  setText: function (s) { this.text = s; t.main = this; }, show: function () { this.visible = true; t.main = this; },
                  hide: function () { this.visible = false; t.main = this; },
                  enable: function () { this.active = true; }, disable: function () { this.active = false; },
                  onClick: function (h) { this.handler = h; }, offClick: function (h) { this.handler = null; } },
                HapticFeedback: {
                  impactOccurred: function (s) { t.haptics.push('impact:' + s); },
                  notificationOccurred: function (s) { t.haptics.push(s); } },
                showConfirm: function (message, cb) { t.confirms.push(message); setTimeout(function () { cb(true); }, 0); },
                openLink: function (url) { t.opened = url; },
                openInvoice: function (url, cb) { t.invoice = url; }
              };
              window.Telegram = { WebApp: app };
            })();
            """;
}
