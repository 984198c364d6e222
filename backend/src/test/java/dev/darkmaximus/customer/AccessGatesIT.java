package dev.darkmaximus.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestTelegram;

/** The terms and required-channel gates hold on the API (the Mini App's way in), not only in the bot. */
class AccessGatesIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @AfterEach
    void reset() {
        settings.put(ShopSettings.TERMS_REQUIRED, "false", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.REQUIRED_CHANNEL, "", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.TRIAL_HOST_ID, "", Setting.ValueType.INT, "test");
    }

    private void member(long telegramId, String status) {
        TestTelegram.server().stubFor(post(urlMatching("(?i)/bot" + InitData.TEST_BOT_TOKEN + "/getChatMember"))
                .withRequestBody(matchingJsonPath("$.user_id", equalTo(Long.toString(telegramId))))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"status\":\"" + status + "\",\"user\":{\"id\":"
                        + telegramId + ",\"is_bot\":false,\"first_name\":\"Key\"}}}")));
    }

    @Test
    void buyingAndTheTrialWaitForTheTermsAndTheChannel() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TERMS_REQUIRED, "true", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.TERMS_URL, "https://example.com/terms", Setting.ValueType.STRING, "test");
        Shop.Customer customer = shop.customer();
        Map<String, Object> buy = Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA");

        assertThat(api.post("/api/v1/orders", buy, customer.token(), Map.of("Idempotency-Key", "gate-1"))
                .problem(403, "terms_not_accepted").get("termsUrl").asString()).isEqualTo("https://example.com/terms");
        api.post("/api/v1/me/trial", "", customer.token()).problem(403, "terms_not_accepted");
        assertThat(api.get("/api/v1/me", customer.token()).expect(200).json().get("termsAcceptedAt").isNull()).isTrue();

        assertThat(api.post("/api/v1/me/terms", "", customer.token()).expect(200).json().get("termsAcceptedAt")
                .isNull()).isFalse();
        settings.put(ShopSettings.REQUIRED_CHANNEL, "@dm_news", Setting.ValueType.STRING, "test");
        member(customer.telegramId(), "left");
        assertThat(api.post("/api/v1/orders", buy, customer.token(), Map.of("Idempotency-Key", "gate-2"))
                .problem(403, "channel_required").get("channelUrl").asString()).isEqualTo("https://t.me/dm_news");

        member(customer.telegramId(), "member");
        api.post("/api/v1/orders", buy, customer.token(), Map.of("Idempotency-Key", "gate-3")).expect(201);
        api.post("/api/v1/me/trial", "", customer.token()).expect(201);
    }
}
