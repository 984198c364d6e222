package dev.darkmaximus.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;

/**
 * What a customer may be offered is decided by the server once, and the surfaces show what they are told: the API
 * says it, the bot offers it exactly there (the Mini App's side is in {@code MiniAppFlowsIT}). "Extend" needs a key
 * that isn't revoked, bought on a plan still sold ({@code KeyTerms.extendable}); the trial needs trials on offer and
 * the customer's unused ({@code CustomerView.trialAvailable}).
 */
class ServerDecisionsIT extends PanelBackedTest {

    @Autowired
    Templates templates;
    Purchases money;
    BotTexts texts;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
        texts = new BotTexts(templates, jdbc);
    }

    @Test
    void theBotAndTheApiOfferExtendExactlyWhereTheServerAllowsIt() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        long customer = texts.customerId(user);
        Instant later = Instant.now().plus(10, ChronoUnit.DAYS);
        long current = shop.activeKey(customer, hostId, money.planId(), later, "OFF");
        long retiredPlan = shop.plan(hostId, "visible");
        long onRetiredPlan = shop.activeKey(customer, hostId, retiredPlan, later, "OFF");
        jdbc.sql("UPDATE plans SET visibility = 'ARCHIVED' WHERE id = :id").param("id", retiredPlan).update();
        long trial = shop.activeKey(customer, hostId, null, later, "OFF");
        jdbc.sql("UPDATE vpn_keys SET trial = TRUE WHERE id = :id").param("id", trial).update();

        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", user.id), null).expect(200).json()
                .get("accessToken").asString();
        Map<Long, Boolean> extendable = new HashMap<>();
        for (JsonNode key : api.get("/api/v1/me/keys", token).expect(200).json()) {
            extendable.put(key.get("id").asLong(), key.get("extendable").asBoolean());
        }
        assertThat(extendable).containsEntry(current, true).containsEntry(onRetiredPlan, false)
                .containsEntry(trial, false);

        long[] byNumber = {current, onRetiredPlan, trial}; // numbered #1, #2, #3 in the order they were made
        for (int i = 0; i < byNumber.length; i++) {
            long key = byNumber[i];
            user.says("/keys");
            user.taps("#" + (i + 1));
            assertThat(user.screen().actions().contains("m:x:" + key)).as("extend offered for key " + key)
                    .isEqualTo(extendable.get(key));
        }
        // The server refuses what it doesn't offer.
        api.post("/api/v1/orders", Map.of("kind", "EXTEND_KEY", "keyId", onRetiredPlan, "method", "BALANCE"), token,
                Map.of("Idempotency-Key", "extend-retired")).problem(409, "plan_not_extendable");
    }

    @Test
    void theTrialIsOfferedExactlyWhereTheServerSaysItIsAvailable() {
        settings.put(ShopSettings.TRIAL_ENABLED, "false", Setting.ValueType.BOOL, "test");
        try {
            BotUser closed = new BotUser(api, "en");
            closed.says("/start");
            assertThat(me(closed).get("trialAvailable").asBoolean()).isFalse();
            closed.says("/keys");
            assertThat(closed.screen().actions()).doesNotContain("trial");
        } finally {
            settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
        }
        BotUser open = new BotUser(api, "en");
        open.says("/start");
        assertThat(me(open).get("trialAvailable").asBoolean()).isTrue();
        open.says("/keys");
        assertThat(open.screen().actions()).contains("trial");
        jdbc.sql("UPDATE customers SET trial_used = TRUE WHERE telegram_id = :t").param("t", open.id).update();
        assertThat(me(open).get("trialAvailable").asBoolean()).isFalse();
        open.says("/keys");
        assertThat(open.screen().actions()).doesNotContain("trial");
    }

    @Test
    void paymentMethodsAreOfferedExactlyAsTheServerListsThemForThePurchase() {
        Map<String, Object> rubles = CatalogRequests.plan(hostId, "Rubles only", "visible");
        rubles.put("prices", List.of(Map.of("amount", 19900, "currency", "RUB")));
        long rublesOnly = api.post("/api/v1/admin/plans", rubles, shop.admin()).expect(201).json().get("id").asLong();
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        String token = token(user);

        assertThat(methods(token, "")).contains("STARS"); // Stars is on: leaving it out below is the plan's doing
        assertThat(methods(token, "?kind=NEW_KEY&planId=" + rublesOnly)).containsExactly("YOOKASSA", "BALANCE");
        assertThat(methods(token, "?kind=NEW_KEY&planId=" + money.planId())).containsExactly("YOOKASSA",
                "STARS", "BALANCE");
        assertThat(methods(token, "?kind=TOP_UP")).containsExactly("YOOKASSA");
        api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", rublesOnly, "method", "STARS"), token,
                Map.of("Idempotency-Key", "stars-rubles")).problem(400, "validation_failed");

        user.tapsData(codec.encode(user.id, "m", "n", Long.toString(rublesOnly)));
        assertThat(user.screen().actions()).contains("s:n:" + rublesOnly + ":Y", "s:n:" + rublesOnly + ":B")
                .doesNotContain("s:n:" + rublesOnly + ":S");
    }

    @Autowired
    CallbackCodec codec;

    private List<String> methods(String token, String query) {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/me/payment-methods" + query, token).expect(200).json()
                .forEach(m -> names.add(m.get("method").asString()));
        return names;
    }

    private String token(BotUser user) {
        return api.post("/api/v1/auth/dev", Map.of("telegramId", user.id), null).expect(200).json()
                .get("accessToken").asString();
    }

    private JsonNode me(BotUser user) {
        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", user.id), null).expect(200).json()
                .get("accessToken").asString();
        return api.get("/api/v1/me", token).expect(200).json();
    }
}
