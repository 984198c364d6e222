package dev.darkmaximus.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.TestTelegram;

/** Chat-bot defects found by trying the bot as customers would: each answered politely, none a dead end. */
class BotDefectsIT extends PanelBackedTest {

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
    void aDeepLinkPromoCodeThatDoesNotExistIsSaidAtOnceAndNotKept() {
        BotUser user = new BotUser(api, "en");
        user.says("/start promo_NOSUCH" + System.nanoTime() % 1000);

        assertThat(user.calls()).extracting(BotUser.Call::text).contains(texts.text("en", "error.promo_not_found"));
        assertThat(user.calls()).extracting(BotUser.Call::text).doesNotContain(texts.text("en", "promo.applied", "code",
                "NOSUCH"));
        assertThat(jdbc.sql("SELECT data::text FROM bot_sessions WHERE customer_id = :c")
                .param("c", texts.customerId(user)).query(String.class).optional().orElse("{}")).doesNotContain("promo");
    }

    @Test
    void aKeptPromoCodeCanBeDroppedAtTheMethodsStep() {
        String code = DomainFixtures.unique("DROP").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "PERCENT", "value", 10), shop.admin())
                .expect(201);
        BotUser user = new BotUser(api, "en");
        user.says("/start promo_" + code);
        assertThat(user.calls()).extracting(BotUser.Call::text).contains(texts.text("en", "promo.applied", "code",
                code));
        user.taps(texts.text("en", "btn.buy"));
        String drop = texts.text("en", "btn.promo_drop", "code", code);
        for (int step = 0; step < 3 && user.screen().labels().stream().flatMap(List::stream)
                .noneMatch(drop::equals); step++) {
            user.taps(user.screen().labels().getFirst().getFirst()); // a host, then a plan
        }

        user.taps(drop);

        assertThat(user.calls()).extracting(BotUser.Call::text).contains(texts.text("en", "promo.dropped"));
        assertThat(user.screen().labels().stream().flatMap(List::stream))
                .doesNotContain(texts.text("en", "btn.promo_drop", "code", code));
    }

    @Test
    void aSupportMessageOverTheLimitIsAnsweredWithTheLimit() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        user.says("/support");

        user.says("x".repeat(4_050));

        assertThat(user.only("sendMessage").text()).isEqualTo(texts.text("en", "error.too_long"));
    }

    @Test
    void topUpIsExplainedWhenNoMethodCanTakeIt() {
        settings.put(ShopSettings.methodEnabledKey("yookassa"), "false", Setting.ValueType.BOOL, "test");
        try {
            BotUser user = new BotUser(api, "en");
            user.says("/start");
            user.taps(texts.text("en", "btn.topup"));

            assertThat(user.screen().text()).isEqualTo(texts.text("en", "topup.unavailable"));
            assertThat(user.screen().actions()).containsExactly("menu");
        } finally {
            settings.put(ShopSettings.methodEnabledKey("yookassa"), "true", Setting.ValueType.BOOL, "test");
        }
    }

    @Test
    void aChannelCheckTelegramCantAnswerStillAnswersTheCustomer() {
        BotUser user = new BotUser(api, "en");
        var trouble = TestTelegram.server().stubFor(post(urlMatching("(?i)" + BotUser.BOT + "/getChatMember"))
                .willReturn(aResponse().withStatus(502).withBody("{\"ok\":false,\"error_code\":502,"
                        + "\"description\":\"Bad Gateway\"}")));
        settings.put(ShopSettings.REQUIRED_CHANNEL, "@dm_news", Setting.ValueType.STRING, "test");
        try {
            user.says("/start");
            assertThat(user.calls()).extracting(BotUser.Call::text).contains(texts.text("en", "channel.check_failed"));
        } finally {
            settings.put(ShopSettings.REQUIRED_CHANNEL, "", Setting.ValueType.STRING, "test");
            TestTelegram.server().removeStub(trouble);
        }
    }
}
