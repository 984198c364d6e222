package dev.darkmaximus.platform.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import dev.darkmaximus.platform.telegram.TelegramProperties;

/** Our Bot API transport against WireMock: JSON calls, photo uploads, and what 429/403/400 turn into. */
class BotApiClientTest {

    private static final String BOT = "/bot1:T";
    private static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":5,\"date\":1764000000,"
            + "\"chat\":{\"id\":42,\"type\":\"private\"}}}";

    private final WireMockServer telegram = new WireMockServer(options().dynamicPort());
    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private BotApiClient client;

    @BeforeEach
    void start() {
        telegram.start();
        client = new BotApiClient(new TelegramProperties("1:T", telegram.baseUrl(), "", "off", ""), meters);
        client.sleeper(waits::add);
    }

    @AfterEach
    void stop() {
        telegram.stop();
    }

    @Test
    void aMessageIsPostedAsJsonAndItsAnswerParsed() {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendmessage")).willReturn(okJson(SENT)));

        Message sent = client.execute(SendMessage.builder().chatId(42L).text("<b>hi</b>").parseMode("HTML").build());

        assertThat(sent.getMessageId()).isEqualTo(5);
        telegram.verify(postRequestedFor(urlEqualTo(BOT + "/sendmessage")).withRequestBody(equalToJson(
                "{\"chat_id\":\"42\",\"text\":\"<b>hi</b>\",\"parse_mode\":\"HTML\"}", true, true)));
        assertThat(meters.get("dm.telegram.requests").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void aPhotoIsUploadedAsMultipartWithItsFields() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        telegram.stubFor(post(urlEqualTo(BOT + "/sendphoto"))
                .withMultipartRequestBody(aMultipart().withName("chat_id").withBody(equalTo("42")))
                .withMultipartRequestBody(aMultipart().withName("caption").withBody(equalTo("QR")))
                .withMultipartRequestBody(aMultipart().withName("photo").withBody(binaryEqualTo(png)))
                .willReturn(okJson(SENT)));

        Message sent = client.execute(SendPhoto.builder().chatId(42L).caption("QR")
                .photo(new InputFile(new ByteArrayInputStream(png), "qr.png")).build());

        assertThat(sent.getMessageId()).isEqualTo(5);
    }

    @Test
    void aPhotoSentAgainAfterAShortFloodWaitCarriesThePictureAgain() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 4, 5, 6};
        telegram.stubFor(post(urlEqualTo(BOT + "/sendphoto")).inScenario("photo flood")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withBody("{\"ok\":false,\"error_code\":429,"
                        + "\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}")));
        telegram.stubFor(post(urlEqualTo(BOT + "/sendphoto")).inScenario("photo flood").whenScenarioStateIs("calm")
                .withMultipartRequestBody(aMultipart().withName("photo").withBody(binaryEqualTo(png)))
                .willReturn(okJson(SENT)));

        Message sent = client.execute(SendPhoto.builder().chatId(42L).caption("QR")
                .photo(new InputFile(new ByteArrayInputStream(png), "qr.png")).build());

        assertThat(sent.getMessageId()).as("the retry's upload holds the picture, not an empty file").isEqualTo(5);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aShortFloodWaitIsWaitedOutOnceALongOneIsHandedBack() {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendmessage")).inScenario("flood")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withBody(
                        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 2\","
                                + "\"parameters\":{\"retry_after\":2}}")));
        telegram.stubFor(post(urlEqualTo(BOT + "/sendmessage")).inScenario("flood").whenScenarioStateIs("calm")
                .willReturn(okJson(SENT)));

        client.execute(SendMessage.builder().chatId(42L).text("x").build());
        assertThat(waits).containsExactly(Duration.ofSeconds(2));

        telegram.resetAll();
        telegram.stubFor(post(urlEqualTo(BOT + "/sendmessage")).willReturn(aResponse().withStatus(429).withBody(
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\",\"parameters\":{\"retry_after\":30}}")));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
                .isInstanceOfSatisfying(TelegramBotApi.RetryLater.class,
                        later -> assertThat(later.after()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void blockedAndRefusedAreTold() {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendmessage")).willReturn(aResponse().withStatus(403).withBody(
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
                .isInstanceOf(TelegramBotApi.Blocked.class);

        telegram.stubFor(post(urlEqualTo(BOT + "/sendmessage")).willReturn(aResponse().withStatus(400).withBody(
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}")));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
                .isInstanceOf(TelegramBotApi.Refused.class).hasMessageContaining("chat not found");
    }
}
