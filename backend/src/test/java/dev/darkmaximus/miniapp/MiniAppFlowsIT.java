package dev.darkmaximus.miniapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.Chromium;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/** The Mini App's trial and extension flows in Chromium, through to the key on the (WireMock) panel. */
class MiniAppFlowsIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @Test
    void theTrialKeyAppearsWithItsLinkOnceThePanelHasIt() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        long telegramId = TestIds.telegramId();
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = open(browser, telegramId, "keys");
            page.locator("#take-trial").click();
            page.waitForCondition(() -> keyOf(telegramId) != null);
            long keyId = keyOf(telegramId);
            panel.acceptsNewClient(jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id", keyId)
                    .query(String.class).single());
            outbox.run("key.push:" + keyId + ":");
            assertThat(jdbc.sql("SELECT status FROM vpn_keys WHERE id = :id").param("id", keyId).query(String.class)
                    .single()).isEqualTo("ACTIVE");

            page.locator("#tab-keys").click();
            Locator card = page.locator(".key-card[data-key-id='" + keyId + "']");
            assertThat(card.locator(".key-status")).containsText("days left");
            assertThat(card.locator(".copy-value").first()).containsText("://");
            assertThat(page.locator("#take-trial")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-trial.png")));
        }
    }

    @Test
    void withSeveralServersTheTrialsServerIsPicked() {
        settings.put(ShopSettings.TRIAL_HOST_ID, "", Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        long second = shop.host(panel);
        String name = jdbc.sql("SELECT name FROM hosts WHERE id = :id").param("id", second).query(String.class)
                .single();
        long telegramId = TestIds.telegramId();
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = open(browser, telegramId, "keys");
            page.locator("#take-trial").click();
            Locator option = page.locator(".trial-host", new Page.LocatorOptions().setHasText(name));
            assertThat(option).isVisible();
            assertThat(page.locator(".trial-problem")).containsText("Choose the server for your trial key");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-trial-choice.png")));
            assertThat(keyOf(telegramId)).as("nothing before the pick").isNull();
            option.click();
            page.waitForCondition(() -> keyOf(telegramId) != null);
            assertThat(jdbc.sql("SELECT host_id FROM vpn_keys WHERE id = :id")
                    .param("id", keyOf(telegramId)).query(Long.class).single()).isEqualTo(second);
        } finally {
            settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        }
    }

    @Test
    void termsAreReadAndAcceptedWhereTheTrialAsksForThemAndTheTrialIsThenTaken() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.TERMS_URL, "https://example.com/terms", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.TERMS_REQUIRED, "true", Setting.ValueType.BOOL, "test");
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            for (String language : new String[] {"en", "ru"}) {
                long telegramId = TestIds.telegramId();
                Page page = Chromium.page(browser);
                page.route("https://telegram.org/**", route -> route.abort());
                page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + telegramId + "&tab=keys&lang="
                        + language);
                page.locator("#take-trial").click();

                Locator gate = page.locator(".gate[data-gate='terms']");
                assertThat(gate).isVisible();
                assertThat(gate.locator(".gate-open")).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "screenshots", "miniapp-terms-" + language + ".png")));
                assertThat(keyOf(telegramId)).isNull();
                page.locator("#gate-accept").click();

                page.waitForCondition(() -> keyOf(telegramId) != null);
                assertThat(jdbc.sql("SELECT terms_accepted_at IS NOT NULL FROM customers WHERE telegram_id = :t")
                        .param("t", telegramId).query(Boolean.class).single()).isTrue();
            }
        } finally {
            settings.put(ShopSettings.TERMS_REQUIRED, "false", Setting.ValueType.BOOL, "test");
        }
    }

    @Test
    void theChannelToJoinIsOfferedWhereTheTrialAsksForItAndTheTrialIsTakenOnceJoined() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.REQUIRED_CHANNEL, "@dm_news", Setting.ValueType.STRING, "test");
        long telegramId = TestIds.telegramId();
        member(telegramId, "left");
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = Chromium.page(browser);
            page.route("https://telegram.org/**", route -> route.abort());
            // Outside Telegram the link opens in a new window: record it instead of opening it.
            page.addInitScript("window.__opened = []; window.open = function (u) { window.__opened.push(u); };");
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + telegramId + "&tab=keys");
            page.locator("#take-trial").click();

            Locator gate = page.locator(".gate[data-gate='channel']");
            assertThat(gate).isVisible();
            gate.locator(".gate-open").click();
            Assertions.assertThat(page.evaluate("window.__opened[0]"))
                    .isEqualTo("https://t.me/dm_news");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-channel-en.png")));

            member(telegramId, "member");
            page.locator("#gate-joined").click();
            page.waitForCondition(() -> keyOf(telegramId) != null);
            Assertions.assertThat(errors).isEmpty();
        } finally {
            settings.put(ShopSettings.REQUIRED_CHANNEL, "", Setting.ValueType.STRING, "test");
        }
    }

    private static void member(long telegramId, String status) {
        TestTelegram.server().stubFor(WireMock.post(
                        WireMock.urlMatching("(?i)/bot"
                                + InitData.TEST_BOT_TOKEN + "/getChatMember"))
                .withRequestBody(WireMock.matchingJsonPath("$.user_id",
                        WireMock.equalTo(Long.toString(telegramId))))
                .willReturn(WireMock.okJson("{\"ok\":true,\"result\":"
                        + "{\"status\":\"" + status + "\",\"user\":{\"id\":" + telegramId
                        + ",\"is_bot\":false,\"first_name\":\"Key\"}}}")));
    }

    @Test
    void aKeyIsExtendedFromTheBalance() {
        long telegramId = TestIds.telegramId();
        api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId, "firstName", "Dev", "language", "en"),
                null).expect(200);
        long customerId = jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", telegramId)
                .query(Long.class).single();
        Instant expires = Instant.now().plus(Duration.ofDays(3));
        // A plan priced in roubles only: Stars can't pay for it, and the checkout doesn't offer them.
        Map<String, Object> rubles = CatalogRequests.plan(hostId, "Rubles only", "visible");
        rubles.put("prices", List.of(Map.of("amount", 19900, "currency", "RUB")));
        long rublesOnly = api.post("/api/v1/admin/plans", rubles, shop.admin()).expect(201).json().get("id").asLong();
        long keyId = shop.activeKey(customerId, hostId, rublesOnly, expires, "OFF");
        long retiredPlan = shop.plan(hostId, "visible");
        long onRetiredPlan = shop.activeKey(customerId, hostId, retiredPlan, expires, "OFF");
        jdbc.sql("UPDATE plans SET visibility = 'ARCHIVED' WHERE id = :id").param("id", retiredPlan).update();
        shop.credit(customerId, 50_000);
        settings.put(ShopSettings.TRIAL_ENABLED, "false", Setting.ValueType.BOOL, "test");
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = open(browser, telegramId, "keys");
            // Extend is offered where the server says the key is extendable (its plan is still sold), nowhere else.
            assertThat(page.locator(".key-card[data-key-id='" + onRetiredPlan + "']")).isVisible();
            // No trial on offer once the list is there (the server says so, although this customer never took one).
            assertThat(page.locator("#take-trial")).hasCount(0);
            assertThat(page.locator(".key-card[data-key-id='" + onRetiredPlan + "'] .extend-button")).hasCount(0);
            page.locator(".key-card[data-key-id='" + keyId + "'] .extend-button").click();
            assertThat(page.locator("#checkout")).isVisible();
            page.locator(".method-option[data-method='BALANCE']").click();
            assertThat(page.locator(".method-option[data-method='YOOKASSA']")).isVisible();
            assertThat(page.locator(".method-option[data-method='STARS']")).hasCount(0);
            assertThat(page.locator("#quote-amount")).hasText("Total: 199 ₽");
            page.locator("#pay").click();
            assertThat(page.locator("#checkout-result[data-state='paid']")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "miniapp-extended.png")));
        } finally {
            settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        }
        assertThat(db.balance(customerId, "MAIN")).isEqualTo(50_000 - 19_900);
        outbox.run("key.push:" + keyId + ":");
        assertThat(shop.expiresAt(keyId)).isAfter(expires.plus(Duration.ofDays(27)));
    }

    private Page open(Browser browser, long telegramId, String tab) {
        Page page = Chromium.page(browser);
        page.route("https://telegram.org/**", route -> route.abort());
        page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + telegramId + "&tab=" + tab);
        assertThat(page.locator("#tabs")).isVisible();
        return page;
    }

    private Long keyOf(long telegramId) {
        return jdbc.sql("SELECT k.id FROM vpn_keys k JOIN customers c ON c.id = k.customer_id WHERE c.telegram_id = :t")
                .param("t", telegramId).query(Long.class).optional().orElse(null);
    }
}
