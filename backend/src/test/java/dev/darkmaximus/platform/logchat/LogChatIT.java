package dev.darkmaximus.platform.logchat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestTelegram;

/** Errors logged anywhere in the backend reach the log chat through Telegram, grouped; below the level, nothing. */
class LogChatIT extends IntegrationTest {

    private static final Logger probe = LoggerFactory.getLogger("dev.darkmaximus.payment.LogChatProbe");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LogChat logChat;
    @Autowired
    ShopSettings settings;

    private static List<String> sentTo(long chat) {
        return TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)/bot" + InitData.TEST_BOT_TOKEN
                        + "/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat)))))
                .stream().map(r -> JSON.readTree(r.getBodyAsString()).path("text").asString()).toList();
    }

    @Test
    void errorsReachTheLogChatGroupedAndWarningsOnlyWhenAsked() {
        long chat = -100_777_000L - System.nanoTime() % 1000;
        settings.put(ShopSettings.LOG_CHAT_ID, Long.toString(chat), Setting.ValueType.STRING, "test");
        try {
            logChat.refreshSettings();
            logChat.flush(); // whatever earlier tests logged is not this test's
            int before = sentTo(chat).size();
            for (int i = 1; i <= 3; i++) {
                probe.error("YooKassa check {} failed", i, new IllegalStateException("probe"));
            }
            probe.warn("just a warning");
            logChat.flush();
            List<String> sent = sentTo(chat).subList(before, sentTo(chat).size());
            assertThat(sent).singleElement().asString()
                    .contains("<b>ERROR</b> LogChatProbe ×3", "YooKassa check 1 failed", "IllegalStateException: probe");

            settings.put(ShopSettings.LOG_CHAT_LEVEL, "WARN", Setting.ValueType.STRING, "test");
            logChat.refreshSettings();
            probe.warn("a warning now wanted");
            logChat.flush();
            assertThat(sentTo(chat).getLast()).contains("<b>WARN</b>", "a warning now wanted");
        } finally {
            settings.put(ShopSettings.LOG_CHAT_ID, "", Setting.ValueType.STRING, "test");
            settings.put(ShopSettings.LOG_CHAT_LEVEL, "ERROR", Setting.ValueType.STRING, "test");
            logChat.refreshSettings();
        }
    }
}
