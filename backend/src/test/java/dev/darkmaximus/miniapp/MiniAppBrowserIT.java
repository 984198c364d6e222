package dev.darkmaximus.miniapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.payment.cards.CardConsent;
import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.Chromium;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.OutboxDriver;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestYooKassa;
import dev.darkmaximus.testsupport.XuiPanelStub;

/** The real Mini App (TeaVM output served at /app/) in Chromium, signed in through the dev login. */
class MiniAppBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void devLoginShowsTheCatalogInTheCustomersLanguage() {
        Api api = new Api(port);
        String admin = api.adminToken();
        String hostName = "Browser host " + System.nanoTime();
        long hostId = api.post("/api/v1/admin/hosts", CatalogRequests.host(hostName), admin).expect(201).json()
                .get("id").asLong();
        String planName = "Browser plan " + System.nanoTime();
        long planId = api.post("/api/v1/admin/plans", CatalogRequests.plan(hostId, planName, "visible"), admin).expect(201)
                .json().get("id").asLong();

        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = Chromium.page(browser);
            // Offline test machine: Telegram's script can't load, exactly as in a plain browser.
            page.route("https://telegram.org/**", route -> route.abort());
            page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + TestIds.telegramId());

            Locator card = page.locator(".plan-card[data-plan-id='" + planId + "']");
            assertThat(card.locator(".plan-name")).hasText(planName);
            assertThat(card.locator(".plan-price[data-currency='RUB']")).hasText("199 ₽");
            assertThat(card.locator(".plan-price[data-currency='XTR']")).hasText("100 ⭐");
            assertThat(card.locator(".plan-details")).containsText("1 month");
            assertThat(page.locator("#greeting")).containsText("Hello, Dev");
            assertThat(page.locator("#error")).isHidden();
            card.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "miniapp-catalog.png")).setFullPage(true));
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxWorker worker;
    @Autowired
    ShopSettings settings;

    @Test
    void myKeysShowTheLinkAQrCodeAndTheAutoRenewSwitch() {
        Api api = new Api(port);
        Shop shop = new Shop(api, jdbc);
        XuiPanelStub panel = new XuiPanelStub().start();
        try {
            long hostId = shop.host(panel);
            long telegramId = TestIds.telegramId();
            api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId, "firstName", "Dev",
                    "language", "en"), null).expect(200);
            long customerId = jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", telegramId)
                    .query(Long.class).single();
            long keyId = shop.activeKey(customerId, hostId, shop.plan(hostId, "visible"),
                    Instant.now().plus(Duration.ofDays(10)), "ON");
            settings.put(ShopSettings.PUBLIC_URL, "https://vpn.example.com", Setting.ValueType.STRING, "test");

            try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
                Page page = Chromium.page(browser);
                page.route("https://telegram.org/**", route -> route.abort());
                page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + telegramId + "&tab=keys");

                Locator card = page.locator(".key-card[data-key-id='" + keyId + "']");
                assertThat(card.locator(".key-status")).containsText("10 days left");
                assertThat(card.locator(".copy-value").first()).hasText("vless://x@h:443");
                assertThat(page.locator("#take-trial")).isVisible();
                card.locator(".qr-button").click();
                assertThat(card.locator(".key-qr")).isVisible();
                page.waitForFunction("() => { var img = document.querySelector(\".key-card[data-key-id='" + keyId
                        + "'] .key-qr\"); return img && img.complete && img.naturalWidth > 0; }");
                // One tap: the apps of this device (Chromium here runs on Linux), each with where to get it.
                card.locator(".connect-button").click();
                Locator hiddify = card.locator(".connect-app[data-app='hiddify']");
                assertThat(hiddify.locator(".connect-add")).hasText("Add to Hiddify");
                assertThat(hiddify.locator(".connect-get")).hasText("Get Hiddify");
                assertThat(card.locator(".connect-app[data-app='happ']")).hasCount(0);
                assertThat(card.locator(".connect-steps")).containsText("No app yet? Get it first.");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "miniapp-connect.png")).setFullPage(true));
                PlaywrightAssertions.assertThat(card.locator(".auto-renew-toggle"))
                        .isChecked();
                card.locator(".auto-renew-toggle").uncheck();
                PlaywrightAssertions.assertThat(card.locator(".auto-renew-toggle"))
                        .not().isChecked();
                page.waitForCondition(() -> "OFF".equals(jdbc.sql("SELECT auto_renew FROM vpn_keys WHERE id = :id")
                        .param("id", keyId).query(String.class).single()));

                // The customer names the key; the card comes back titled with it.
                assertThat(card.locator(".rename-input")).isHidden();
                card.locator(".rename-button").click();
                card.locator(".rename-input").fill("Phone \"work\"");
                card.locator(".rename-save").click();
                assertThat(page.locator(".key-card[data-key-id='" + keyId + "'] .key-title"))
                        .containsText("Phone \"work\"");
                Assertions.assertThat(jdbc.sql("SELECT label FROM vpn_keys WHERE id = :id").param("id", keyId)
                        .query(String.class).single()).isEqualTo("Phone \"work\"");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "miniapp-keys.png")).setFullPage(true));
            }
        } finally {
            settings.put(ShopSettings.PUBLIC_URL, "", Setting.ValueType.STRING, "test");
            panel.stop();
        }
    }

    @Test
    void checkoutWithAPromoCodePaysByCardAndShowsThePaymentOnceTheWebhookArrives() {
        Api api = new Api(port);
        Shop shop = new Shop(api, jdbc);
        XuiPanelStub panel = new XuiPanelStub().start();
        try {
            long hostId = shop.host(panel);
            long planId = shop.plan(hostId, "visible");
            String code = "APP" + Long.toString(System.nanoTime(), 36).toUpperCase();
            api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "PERCENT", "value", 20),
                    shop.admin()).expect(201);
            long telegramId = TestIds.telegramId();

            try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
                Page page = Chromium.page(browser);
                page.route("https://telegram.org/**", route -> route.abort());
                // Outside Telegram the app opens YooKassa's page with window.open; record where it sends the customer.
                page.addInitScript("window.open = function (url) { window.__opened = url; return null; };");
                page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + telegramId);
                page.locator(".plan-card[data-plan-id='" + planId + "'] .buy-button").click();
                assertThat(page.locator("#quote-amount")).hasText("Total: 199 ₽");

                page.locator("#promo-input").fill("NO-SUCH-CODE");
                page.locator("#promo-apply").click();
                assertThat(page.locator("#checkout-error")).hasText("There is no such promo code.");
                assertThat(page.locator("#pay")).isDisabled();
                page.locator("#promo-input").fill(code.toLowerCase());
                page.locator("#promo-apply").click();
                assertThat(page.locator("#quote-amount")).hasText("Total: 159.20 ₽");
                assertThat(page.locator("#quote")).containsText("Promo discount: −39.80 ₽");
                // Saving the card for auto-renewal: offered for card payments, with the server's words.
                assertThat(page.locator("#save-card-consent")).hasText(CardConsent.text("en"));
                page.locator("#save-card-toggle").check();
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "miniapp-checkout.png")).setFullPage(true));

                page.locator("#pay").click();
                assertThat(page.locator("#checkout-result")).containsText("Waiting");
                Assertions.assertThat((String) page.evaluate("() => window.__opened"))
                        .startsWith("https://yoomoney.ru/checkout/");
                long customerId = jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", telegramId)
                        .query(Long.class).single();
                long[] ids = jdbc.sql("SELECT o.id, p.id FROM orders o JOIN payments p ON p.order_id = o.id "
                        + "WHERE o.customer_id = :c").param("c", customerId)
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
                Assertions.assertThat(jdbc.sql("SELECT count(*) FROM card_consents WHERE order_id = :o").param("o", ids[0])
                        .query(Long.class).single()).isEqualTo(1);
                TestYooKassa.server().stubFor(WireMock.get(WireMock.urlEqualTo("/payments/"
                        + TestYooKassa.providerId(ids[1]))).willReturn(WireMock.okJson(TestYooKassa.cardPaymentJson(
                        TestYooKassa.providerId(ids[1]), "succeeded", 15_920, ids[0], ids[1], "pm-app-" + ids[1],
                        true, null))));
                new Api(port, "185.71.76.10").postRaw("/api/v1/webhooks/yookassa", TestYooKassa.notification("payment.succeeded", ids[1], "succeeded", 15_920, ids[0]), null)
                        .expect(200);

                assertThat(page.locator("#checkout-result[data-state='paid']")).containsText("Paid!");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "miniapp-paid.png")).setFullPage(true));

                // The key reaches the panel through the outbox and appears under My keys with its link and QR.
                long keyId = jdbc.sql("SELECT key_id FROM orders WHERE id = :id").param("id", ids[0])
                        .query(Long.class).single();
                panel.acceptsNewClient(jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id", keyId)
                        .query(String.class).single());
                new OutboxDriver(jdbc, worker).run("key.push:" + keyId + ":");
                page.locator("#tab-keys").click();
                Locator key = page.locator(".key-card[data-key-id='" + keyId + "']");
                assertThat(key.locator(".key-status")).containsText("days left");
                assertThat(key.locator(".copy-value").first()).containsText("://");
                key.locator(".qr-button").click();
                page.waitForFunction("() => { var img = document.querySelector(\".key-card[data-key-id='" + keyId
                        + "'] .key-qr\"); return img && img.complete && img.naturalWidth > 0; }");

                // Topping up the balance by card from the Balance tab.
                page.locator("#tab-balance").click();
                assertThat(page.locator("#balance-main")).containsText("Balance: 0 ₽");
                page.locator("#topup").click();
                page.locator("#topup-amount").fill("500");
                assertThat(page.locator("#quote-amount")).hasText("Total: 500 ₽");
                assertThat(page.locator("#save-card")).isHidden();
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "miniapp-topup.png")).setFullPage(true));
                page.locator("#pay").click();
                assertThat(page.locator("#checkout-result")).containsText("Waiting");
                long[] topUp = jdbc.sql("SELECT o.id, p.id FROM orders o JOIN payments p ON p.order_id = o.id "
                        + "WHERE o.customer_id = :c AND o.kind = 'TOP_UP'").param("c", customerId)
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
                TestYooKassa.payment(topUp[1], "succeeded", 50_000, topUp[0]);
                new Api(port, "185.71.76.10").postRaw("/api/v1/webhooks/yookassa", TestYooKassa.notification("payment.succeeded", topUp[1], "succeeded", 50_000, topUp[0]), null)
                        .expect(200);
                assertThat(page.locator("#checkout-result[data-state='paid']")).isVisible();
                page.locator("#tab-balance").click();
                assertThat(page.locator("#balance-main")).containsText("Balance: 500 ₽");
                assertThat(page.locator("#saved-cards")).containsText("Bank card *4444");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "miniapp-balance.png")).setFullPage(true));
                page.locator("#saved-cards button").click();
                assertThat(page.locator("#saved-cards")).not().containsText("Bank card");
                Assertions.assertThat(jdbc.sql("SELECT count(*) FROM saved_cards WHERE customer_id = :c "
                        + "AND removed_at IS NULL").param("c", customerId).query(Long.class).single()).isZero();
            }
        } finally {
            panel.stop();
        }
    }

    /** Saving a card and the saved cards, in Russian, on a phone and on a desktop (screenshots of both). */
    @Test
    void cardSavingAndSavedCardsReadInRussianAtBothSizes() {
        Api api = new Api(port);
        Shop shop = new Shop(api, jdbc);
        XuiPanelStub panel = new XuiPanelStub().start();
        try {
            long hostId = shop.host(panel);
            long planId = shop.plan(hostId, "visible");
            long telegramId = TestIds.telegramId();
            String token = api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId, "firstName", "Иван",
                    "language", "ru"), null).expect(200).json().get("accessToken").asString();
            var order = api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", planId, "method", "YOOKASSA",
                    "saveCard", true), token, Map.of("Idempotency-Key", "ru-card-" + telegramId)).expect(201).json();
            long orderId = order.get("id").asLong();
            long paymentId = order.get("payment").get("id").asLong();
            TestYooKassa.server().stubFor(WireMock.get(WireMock.urlEqualTo("/payments/"
                    + TestYooKassa.providerId(paymentId))).willReturn(WireMock.okJson(TestYooKassa.cardPaymentJson(
                    TestYooKassa.providerId(paymentId), "succeeded", 19_900, orderId, paymentId, "pm-ru-" + paymentId,
                    true, null))));
            new Api(port, "185.71.76.10").postRaw("/api/v1/webhooks/yookassa", TestYooKassa.notification(
                    "payment.succeeded", paymentId, "succeeded", 19_900, orderId), null).expect(200);

            try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
                for (int width : new int[] {420, 1280}) {
                    String size = width < 600 ? "phone" : "desktop";
                    Page page = Chromium.page(browser);
                    page.setViewportSize(width, 900);
                    page.route("https://telegram.org/**", route -> route.abort());
                    page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + telegramId);
                    page.locator(".plan-card[data-plan-id='" + planId + "'] .buy-button").click();
                    assertThat(page.locator("#save-card-consent")).hasText(CardConsent.text("ru"));
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(
                            Path.of("target", "screenshots", "miniapp-checkout-save-card-ru-" + size + ".png")));
                    page.locator("#tab-balance").click();
                    assertThat(page.locator("#saved-cards")).containsText("Сохранённые карты");
                    assertThat(page.locator("#saved-cards")).containsText("Bank card *4444");
                    assertThat(page.locator("#saved-cards button")).hasText("Удалить");
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(
                            Path.of("target", "screenshots", "miniapp-saved-cards-ru-" + size + ".png")));
                    page.close();
                }
            }
        } finally {
            panel.stop();
        }
    }
}
