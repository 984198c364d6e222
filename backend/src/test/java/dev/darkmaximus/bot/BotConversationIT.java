package dev.darkmaximus.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.payment.cards.CardConsent;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.TestCryptoBot;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * The chat bot's customer flows (SPEC §8) as scripted conversations through the webhook, with WireMock standing in
 * for api.telegram.org: each step asserts which Bot API calls the bot made for that chat, with which text and keys.
 */
class BotConversationIT extends PanelBackedTest {

    @Autowired
    Templates templates;
    Purchases money;
    BotTexts texts;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
        texts = new BotTexts(templates, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void aNewcomerIsWelcomedAndGetsTheMenuInTheirLanguage(String language) {
        BotUser user = new BotUser(api, language);

        user.says("/start");

        List<BotUser.Call> calls = user.calls();
        assertThat(calls).extracting(BotUser.Call::method).containsExactly("sendMessage", "sendMessage");
        assertThat(calls.get(0).text()).isEqualTo(texts.text(language, "welcome", "shop", "Dark Maximus VPN"));
        assertThat(calls.get(1).text()).isEqualTo(texts.text(language, "menu", "shop", "Dark Maximus VPN",
                "balance", "0 ₽", "keys", "0"));
        assertThat(calls.get(1).actions()).containsSubsequence("buy", "keys", "prof", "top", "ref", "sup", "help",
                "lang");
        assertThat(calls.get(1).labels().getFirst()).containsExactly(texts.text(language, "btn.buy"),
                texts.text(language, "btn.keys"));

        user.says("/start");
        assertThat(user.calls()).extracting(BotUser.Call::method).containsExactly("sendMessage");
    }

    /** Every menu entry opens its screen in the customer's language, with a way back to the menu. */
    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyMenuEntryOpensItsScreenInTheCustomersLanguage(String language) {
        BotUser user = new BotUser(api, language);
        user.says("/start");
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("btn.buy", "buy.");
        screens.put("btn.keys", "keys.empty");
        screens.put("btn.profile", "profile");
        screens.put("btn.topup", "topup");
        screens.put("btn.referral", "referral");
        screens.put("btn.support", "support.new");
        screens.put("btn.help", "help");
        screens.put("btn.language", "language");
        for (Map.Entry<String, String> entry : screens.entrySet()) {
            user.says("/menu");
            user.taps(texts.text(language, entry.getKey()));
            String screen = user.screen().text();
            if (entry.getValue().equals("buy.")) {
                assertThat(screen).as(entry.getKey()).satisfiesAnyOf(
                        s -> assertThat(s).startsWith(before(texts.text(language, "buy.hosts"))),
                        s -> assertThat(s).contains(before(texts.text(language, "buy.plans").substring(
                                texts.text(language, "buy.plans").indexOf('\n') + 1))));
            } else {
                assertThat(screen).as(entry.getKey()).startsWith(before(texts.text(language, entry.getValue())));
            }
            assertThat(user.screen().labels().stream().flatMap(List::stream).toList()).as(entry.getKey())
                    .anyMatch(label -> label.equals(texts.text(language,
                            "btn.back")) || label.equals(texts.text(language, "btn.menu"))
                            || entry.getKey().equals("btn.language"));
        }
    }

    /** A template's text up to its first placeholder. */
    private static String before(String template) {
        int placeholder = template.indexOf('{');
        String head = placeholder < 0 ? template : template.substring(0, placeholder);
        assertThat(head.strip()).as("a recognisable start of %s", template).hasSizeGreaterThan(3);
        return head;
    }

    @Test
    void buyingWithACardAndAPromoCodeEndsWithTheKeyInMyKeys() {
        String code = "BOT" + TestIds.telegramId();
        api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "PERCENT", "value", 10), shop.admin())
                .expect(201);
        BotUser user = new BotUser(api, "ru");
        user.says("/start");

        user.taps("Купить VPN");
        if (user.screen().text().contains("Выберите локацию")) {
            user.taps(hostName());
        }
        assertThat(user.screen().method()).isEqualTo("editMessageText");
        assertThat(user.screen().text()).contains("Выберите тариф");
        user.taps("1 месяц");
        assertThat(user.screen().text()).isEqualTo(texts.text("ru", "buy.promo", "plan",
                "1 месяц · 1 мес. · без ограничений · 199 ₽ / 100 ⭐"));

        user.taps("Ввести промокод");
        assertThat(user.screen().text()).isEqualTo(texts.text("ru", "promo.prompt"));
        user.says(code.toLowerCase());
        assertThat(user.calls()).extracting(BotUser.Call::method).containsExactly("sendMessage", "sendMessage");
        assertThat(user.calls().get(0).text()).isEqualTo(texts.text("ru", "promo.applied", "code", code.toLowerCase()));
        assertThat(user.screen().actions()).contains("s:n:" + money.planId() + ":Y", "s:n:" + money.planId() + ":S",
                "s:n:" + money.planId() + ":B");

        user.taps("Карта");
        String summary = user.screen().text();
        assertThat(summary).contains("Цена: 199 ₽", "Промокод " + code.toLowerCase() + ": −19,90 ₽",
                "К оплате: <b>179,10 ₽</b>", "Оплата: 💳 Карта / СБП");
        String pay = user.button("Оплатить");
        user.tapsData(pay);
        BotUser.Call payment = user.screen();
        long orderId = jdbc.sql("SELECT id FROM orders WHERE customer_id = :c").param("c", texts.customerId(user))
                .query(Long.class).single();
        long paymentId = jdbc.sql("SELECT id FROM payments WHERE order_id = :o").param("o", orderId)
                .query(Long.class).single();
        assertThat(payment.text()).isEqualTo(texts.text("ru", "pay.link", "order", orderId, "amount", "179,10 ₽"));
        assertThat(payment.url("Оплатить")).startsWith("https://yoomoney.ru/checkout/");

        // Tapping Pay again on the same summary is the same order, not a second one.
        user.tapsData(pay);
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", texts.customerId(user))).isEqualTo(1);

        TestYooKassa.payment(paymentId, "succeeded", 17_910, orderId);
        money.notify("payment.succeeded", paymentId, "succeeded", 17_910, orderId).expect(200);
        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
        panel.acceptsNewClient(jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single());
        outbox.run("key.push:" + keyId + ":");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ? AND status = 'ACTIVE'",
                texts.customerId(user))).isEqualTo(1);

        user.says("/keys");
        assertThat(user.screen().text()).isEqualTo(texts.text("ru", "keys"));
        assertThat(user.screen().labels().getFirst().getFirst()).startsWith("🟢 #1 · ");
        user.taps("#1");
        assertThat(user.screen().text()).contains("<b>Ключ #1</b>", "Статус: ✅ активен", "<code>vless://")
                .containsPattern("Трафик: 0,0 ГБ(, без ограничений| из \\d+,\\d ГБ)\n");
    }

    @Test
    void payingFromTheBalanceIsConfirmedOnTheSummaryAndPaidAtOnce() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        shop.credit(texts.customerId(user), 50_000);

        user.tapsData(user.button("Buy VPN"));
        if (user.screen().text().contains("Choose a location")) {
            user.taps(hostName());
        }
        user.taps("Month");
        user.taps("Continue without");
        user.taps("From balance (500 ₽)");
        assertThat(user.screen().text()).contains("To pay: <b>199 ₽</b>");
        assertThat(user.screen().labels().getFirst()).containsExactly("✅ Confirm: pay 199 ₽ from balance");
        String pay = user.button("Confirm");

        user.tapsData(pay);
        long orderId = jdbc.sql("SELECT id FROM orders WHERE customer_id = :c").param("c", texts.customerId(user))
                .query(Long.class).single();
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "pay.paid", "order", orderId));
        assertThat(db.orderStatus(orderId)).isIn("PAID", "FULFILLED");
        assertThat(db.balance(texts.customerId(user), "MAIN")).isEqualTo(30_100);

        user.tapsData(pay);
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", texts.customerId(user))).isEqualTo(1);
        assertThat(db.balance(texts.customerId(user), "MAIN")).isEqualTo(30_100);
    }

    @Test
    void tooLittleBalanceIsSaidPolitelyAndNothingChanges() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        shop.credit(texts.customerId(user), 19_899);

        user.tapsData(summaryButton(user, "B"));
        user.taps("Confirm");

        BotUser.Call alert = user.only("answerCallbackQuery");
        assertThat(alert.body().get("text").asString()).isEqualTo(texts.text("en", "error.insufficient_balance"));
        assertThat(alert.body().get("show_alert").asBoolean()).isTrue();
        assertThat(db.balance(texts.customerId(user), "MAIN")).isEqualTo(19_899);
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", texts.customerId(user))).isZero();
    }

    @Test
    void starsArePaidThroughAnInvoiceLink() {
        TestTelegram.server().stubFor(WireMock
                .post(WireMock.urlEqualTo(BotUser.BOT + "/createInvoiceLink"))
                .willReturn(WireMock.okJson(
                        "{\"ok\":true,\"result\":\"https://t.me/$bot-invoice\"}")));
        BotUser user = new BotUser(api, "en");
        user.says("/start");

        user.tapsData(summaryButton(user, "S"));
        assertThat(user.screen().text()).contains("To pay: <b>100 ⭐</b>", "Payment: ⭐ Telegram Stars");
        user.taps("Pay 100 ⭐");

        assertThat(user.screen().url("Pay 100 ⭐")).isEqualTo("https://t.me/$bot-invoice");
    }

    @Test
    void aCardIsSavedWithTheConsentShownThenListedInTheProfileAndRemoved() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        user.tapsData(summaryButton(user, "Y"));
        assertThat(user.screen().text()).doesNotContain(CardConsent.text("en"));
        user.taps("☐ Save the card for auto-renewal");
        assertThat(user.screen().text()).contains("<i>" + CardConsent.text("en") + "</i>");
        assertThat(user.screen().labels().getFirst().getFirst()).isEqualTo("☑ Save the card for auto-renewal");
        user.taps("✅ Pay");

        long customerId = texts.customerId(user);
        long orderId = jdbc.sql("SELECT id FROM orders WHERE customer_id = :c").param("c", customerId)
                .query(Long.class).single();
        long paymentId = jdbc.sql("SELECT id FROM payments WHERE order_id = :o").param("o", orderId)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT text FROM card_consents WHERE order_id = :o").param("o", orderId)
                .query(String.class).single()).isEqualTo(CardConsent.text("en"));
        TestYooKassa.server().stubFor(WireMock.get(WireMock.urlEqualTo("/payments/"
                + TestYooKassa.providerId(paymentId))).willReturn(WireMock.okJson(TestYooKassa.cardPaymentJson(
                TestYooKassa.providerId(paymentId), "succeeded", 19_900, orderId, paymentId, "pm-bot-" + paymentId,
                true, null))));
        money.notify("payment.succeeded", paymentId, "succeeded", 19_900, orderId).expect(200);

        user.says("/profile");
        user.taps("💳 Saved cards");
        assertThat(user.screen().text()).contains("<b>Saved cards</b>", "• Bank card *4444, saved");
        user.taps("🗑 Remove Bank card *4444");
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "cards.empty"));
        assertThat(db.count("SELECT count(*) FROM saved_cards WHERE customer_id = ? AND removed_at IS NULL",
                customerId)).isZero();
    }

    @Test
    void aBankTransferShowsTheShopsDetailsAndTheOrderToName() {
        settings.put(ShopSettings.methodEnabledKey("bank_transfer"), "true", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.TRANSFER_INSTRUCTIONS, "IBAN DE00 1234", Setting.ValueType.STRING, "test");
        try {
            BotUser user = new BotUser(api, "en");
            user.says("/start");
            user.tapsData(summaryButton(user, "T"));
            assertThat(user.screen().text()).contains("Payment: 🏦 Bank transfer");
            user.taps("✅ Pay");
            long orderId = jdbc.sql("SELECT id FROM orders WHERE customer_id = :c").param("c", texts.customerId(user))
                    .query(Long.class).single();
            assertThat(user.screen().text()).contains("Order #" + orderId + ": 199 ₽", "IBAN DE00 1234",
                    "Put \"Order " + orderId + "\" in the payment purpose");
        } finally {
            settings.put(ShopSettings.methodEnabledKey("bank_transfer"), "false", Setting.ValueType.BOOL, "test");
            settings.put(ShopSettings.TRANSFER_INSTRUCTIONS, "", Setting.ValueType.STRING, "test");
        }
    }

    @Test
    void cryptoIsPaidThroughCryptoBotsInvoiceInTelegram() {
        settings.put(ShopSettings.CRYPTOBOT_TOKEN, TestCryptoBot.TOKEN, Setting.ValueType.STRING, "test");
        try {
            BotUser user = new BotUser(api, "ru");
            user.says("/start");

            user.tapsData(summaryButton(user, "C"));
            assertThat(user.screen().text()).contains("К оплате: <b>199 ₽</b>", "Оплата: 🪙 Криптовалюта (CryptoBot)");
            user.taps("✅ Оплатить");

            assertThat(user.screen().url("💳 Оплатить")).startsWith("https://t.me/CryptoBot?start=IVfake");
        } finally {
            settings.put(ShopSettings.CRYPTOBOT_TOKEN, "", Setting.ValueType.STRING, "test");
        }
    }

    @Test
    void aKeyCardShowsItsLinkQrInstructionsAutoRenewAndExtend() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        long keyId = shop.activeKey(texts.customerId(user), hostId, money.planId(), Instant.now().plus(10,
                ChronoUnit.DAYS), "OFF");

        user.says("/keys");
        assertThat(user.screen().actions()).contains("k:" + keyId);
        user.taps("#1");
        BotUser.Call card = user.screen();
        assertThat(card.text()).contains("<b>Key #1</b>", "Status: ✅ active", "Auto-renew: off",
                "<code>vless://x@h:443</code>").containsPattern("Traffic: 0\\.0 GB(, unlimited| of \\d+\\.\\d GB)\n");
        assertThat(card.actions()).contains("kq:" + keyId, "ki:" + keyId, "m:x:" + keyId, "ka:" + keyId, "keys");

        user.taps("QR code");
        BotUser.Call photo = user.only("sendPhoto");
        assertThat(photo.body().get("caption").asString()).isEqualTo(texts.text("en", "key.qr", "number", 1));
        // Telegram refusing the picture: the customer is told, not left with a spinner.
        user.refusesPhotos("Bad Request: PHOTO_INVALID_DIMENSIONS");
        user.tapsData(card(user, keyId, "kq"));
        assertThat(user.only("answerCallbackQuery").body().get("text").asString())
                .isEqualTo(texts.text("en", "key.qr_failed"));

        user.tapsData(card(user, keyId, "ki"));
        user.taps("Android");
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "instructions.android"));

        user.tapsData(card(user, keyId, "ka"));
        assertThat(jdbc.sql("SELECT auto_renew FROM vpn_keys WHERE id = :id").param("id", keyId).query(String.class)
                .single()).isEqualTo("ON");
        assertThat(user.screen().text()).contains("Auto-renew: on");

        user.taps("Extend");
        assertThat(user.screen().text()).startsWith("📦 Extend key #1: Month");
        user.taps("Card");
        assertThat(user.screen().text()).contains("Extend key #1", "To pay: <b>199 ₽</b>");
    }

    @Test
    void theTrialIsTakenOnceFromTheMenu() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        BotUser user = new BotUser(api, "ru");
        user.says("/start");
        String trial = user.button("Бесплатный пробный период");

        user.tapsData(trial);
        assertThat(user.screen().text()).startsWith("🎁 Пробный ключ #1 готовится (сервер: ");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ? AND trial", texts.customerId(user)))
                .isEqualTo(1);

        user.tapsData(trial);
        assertThat(user.only("answerCallbackQuery").body().get("text").asString())
                .isEqualTo(texts.text("ru", "error.trial_used"));
    }

    @Test
    void topUpsTakeAPresetOrATypedAmountWithinTheLimits() {
        BotUser user = new BotUser(api, "ru");
        user.says("/start");

        user.says("/topup");
        assertThat(user.screen().labels().getFirst()).containsExactly("100 ₽", "300 ₽", "500 ₽");
        user.taps("500 ₽");
        assertThat(user.screen().text()).contains("Пополнение баланса: 500 ₽", "К оплате: <b>500 ₽</b>");

        user.says("/topup");
        user.taps("Другая сумма");
        user.says("много");
        assertThat(user.screen().text()).startsWith("Это не сумма от");
        user.says("5"); // below the shop's minimum: the order service refuses it, the bot asks again
        assertThat(user.screen().text()).startsWith("Это не сумма от");
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ? AND kind = 'TOP_UP'",
                texts.customerId(user)))
                .isZero();
        user.says("250,5");
        assertThat(user.screen().text()).contains("К оплате: <b>250,50 ₽</b>");
        user.taps("Оплатить");
        assertThat(user.screen().url("Оплатить")).startsWith("https://yoomoney.ru/");
    }

    @Test
    void profileHistoryAndTheLanguageSwitch() {
        BotUser user = new BotUser(api, "ru");
        user.says("/start");
        shop.credit(texts.customerId(user), 12_345);
        // What they paid in all (a credit is not a payment): 1 500 ₽ by card and 250 Stars, as the totals hold.
        jdbc.sql("""
                INSERT INTO customer_totals (customer_id, currency, total_spent_minor)
                VALUES (:c, 'RUB', 150000), (:c, 'XTR', 250)""").param("c", texts.customerId(user)).update();

        user.says("/profile");
        assertThat(user.screen().text()).contains("Баланс: 123,45 ₽", "Язык: Русский",
                "Всего оплачено: 1\u00a0500 ₽ + 250 ⭐");
        user.taps("История операций");
        assertThat(user.screen().text()).contains("+123,45 ₽ · корректировка");

        user.says("/language");
        user.taps("English");
        assertThat(user.only("answerCallbackQuery").body().get("text").asString())
                .isEqualTo(texts.text("en", "language.set"));
        assertThat(user.screen().text()).startsWith("🏠 <b>");
        assertThat(user.screen().labels().getFirst()).containsExactly("🛒 Buy VPN", "🔑 My keys");
        assertThat(jdbc.sql("SELECT language FROM customers WHERE id = :id").param("id", texts.customerId(user))
                .query(String.class).single()).isEqualTo("en");
    }

    @Test
    void referralLinksBindANewcomerOnceAndIgnoreUnknownOrSelfReferrals() {
        BotUser referrer = new BotUser(api, "en");
        referrer.says("/start");
        long number = shop.number(texts.customerId(referrer));

        BotUser invited = new BotUser(api, "en");
        invited.says("/start ref_" + number);
        assertThat(referrerOf(invited)).isEqualTo(texts.customerId(referrer));
        BotUser other = new BotUser(api, "en");
        other.says("/start");
        invited.says("/start ref_" + shop.number(texts.customerId(other)));
        assertThat(referrerOf(invited)).isEqualTo(texts.customerId(referrer));

        BotUser stranger = new BotUser(api, "en");
        stranger.says("/start ref_999999999");
        assertThat(referrerOf(stranger)).isNull();
        referrer.says("/start ref_" + number);
        assertThat(referrerOf(referrer)).isNull();

        referrer.says("/referral");
        assertThat(referrer.screen().text()).contains("Invited: 1");
    }

    @Test
    void aPromoDeepLinkPrefillsTheCodeForTheNextPurchase() {
        String code = "LINK" + TestIds.telegramId();
        api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "FIXED", "value", 4_900,
                "currency", "RUB"), shop.admin()).expect(201);
        BotUser user = new BotUser(api, "en");

        user.says("/start promo_" + code);
        assertThat(user.calls().get(1).text()).isEqualTo(texts.text("en", "promo.applied", "code", code));

        user.tapsData(user.button("Buy VPN"));
        if (user.screen().text().contains("Choose a location")) {
            user.taps(hostName());
        }
        user.taps("Month");
        assertThat(user.screen().text()).startsWith("📦 Month").contains("Choose how to pay");
        user.taps("Card");
        assertThat(user.screen().text()).contains("Promo code " + code + ": −49 ₽", "To pay: <b>150 ₽</b>");
    }

    @Autowired
    CallbackCodec codec;

    @Test
    void forgedOrForeignButtonsAreRefused() {
        BotUser owner = new BotUser(api, "en");
        owner.says("/start");
        long ownerKey = shop.activeKey(texts.customerId(owner), hostId, money.planId(), Instant.now().plus(5,
                ChronoUnit.DAYS), "OFF");
        BotUser attacker = new BotUser(api, "en");
        attacker.says("/start");
        long attackerKey = shop.activeKey(texts.customerId(attacker), hostId, money.planId(),
                Instant.now().plus(5, ChronoUnit.DAYS), "OFF");

        // The owner's genuine button, replayed by someone else.
        attacker.tapsData(codec.encode(owner.id, "k", Long.toString(ownerKey)));
        assertThat(attacker.calls()).extracting(BotUser.Call::method).containsExactly("answerCallbackQuery");
        assertThat(attacker.calls().getFirst().body().get("text").asString()).isEqualTo(texts.text("en", "stale"));

        // The attacker's own button with the key id changed.
        String own = codec.encode(attacker.id, "k", Long.toString(attackerKey));
        attacker.tapsData(own.replace("k:" + attackerKey, "k:" + ownerKey));
        assertThat(attacker.calls()).extracting(BotUser.Call::method).containsExactly("answerCallbackQuery");

        // Even a correctly signed button for a key that isn't theirs gets nothing: the service checks ownership.
        attacker.tapsData(codec.encode(attacker.id, "k", Long.toString(ownerKey)));
        assertThat(attacker.only("answerCallbackQuery").body().get("text").asString())
                .isEqualTo(texts.text("en", "error.not_found"));
        assertThat(attacker.calls()).noneMatch(c -> c.text().contains("vless://"));
    }

    @Test
    void aBannedCustomerIsToldOnceAndOtherwiseIgnored() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        api.post("/api/v1/admin/customers/" + texts.customerId(user) + "/ban", Map.of("reason", "fraud"), shop.admin())
                .expect(200);

        user.says("/menu");
        assertThat(user.only("sendMessage").text()).isEqualTo(texts.text("en", "banned", "support", "/support"));
        user.says("/buy");
        user.tapsData(codec.encode(user.id, "buy"));
        assertThat(user.calls()).filteredOn(c -> !c.method().equals("answerCallbackQuery")).isEmpty();
    }

    @Test
    void aFloodOfUpdatesIsAskedToSlowDownOnce() {
        settings.put(ShopSettings.BOT_FLOOD_PER_MINUTE, "3", Setting.ValueType.INT, "test");
        try {
            BotUser user = new BotUser(api, "en");
            user.says("/start");
            user.says("/menu");
            user.says("/menu");
            user.says("/menu");
            assertThat(user.only("sendMessage").text()).isEqualTo(texts.text("en", "flood"));
            user.says("/menu");
            assertThat(user.calls()).isEmpty();
        } finally {
            settings.put(ShopSettings.BOT_FLOOD_PER_MINUTE, "30", Setting.ValueType.INT, "test");
        }
    }

    @Test
    void theSameUpdateDeliveredTwiceIsHandledOnce() {
        BotUser user = new BotUser(api, "en");
        Map<String, Object> update = Map.of("update_id", TestIds.updateId(), "message", user.message("/start"));
        user.mark();

        user.deliver(update);
        user.deliver(update);

        assertThat(user.calls()).extracting(BotUser.Call::method).containsExactly("sendMessage", "sendMessage");
    }

    @Test
    void theWebhookRefusesAWrongSecret() {
        api.post("/telegram/webhook/nope", Map.of("update_id", TestIds.updateId()), null, BotUser.SECRET)
                .problem(401, "unauthorized");
        api.post("/telegram/webhook/test-webhook-secret", Map.of("update_id", TestIds.updateId()), null,
                Map.of("X-Telegram-Bot-Api-Secret-Token", "nope")).problem(401, "unauthorized");
    }

    /** Opens the summary of the test plan paid with {@code method} and returns the button to it. */
    private String summaryButton(BotUser user, String method) {
        return codec.encode(user.id, "s", "n", Long.toString(money.planId()), method);
    }

    private String card(BotUser user, long keyId, String action) {
        return codec.encode(user.id, action, Long.toString(keyId));
    }

    private String hostName() {
        return jdbc.sql("SELECT name FROM hosts WHERE id = :id").param("id", hostId).query(String.class).single();
    }

    private Long referrerOf(BotUser user) {
        return jdbc.sql("SELECT referrer_id FROM customers WHERE telegram_id = :t").param("t", user.id)
                .query(Long.class).optional().orElse(null);
    }

}
