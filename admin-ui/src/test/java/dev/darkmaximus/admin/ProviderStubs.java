package dev.darkmaximus.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * What the backend process talks to instead of Telegram's Bot API and YooKassa: one WireMock, shaped after
 * {@code shared/reference/} (Telegram under {@code /bot<token>/}, YooKassa under {@code /yookassa/}).
 */
final class ProviderStubs {

    static final String BOT_TOKEN = "424242:admin-ui-it";
    private static final WireMockServer SERVER = start();

    private ProviderStubs() {
    }

    static String telegramUrl() {
        return SERVER.baseUrl();
    }

    /** A VPN panel that answers nothing useful (404), standing in for one that is down. */
    static String panelUrl() {
        return SERVER.baseUrl() + "/panel";
    }

    /** A Remnawave 3.3.2 panel with two squads, reached without its proxy (it wants the forwarded headers). */
    static String remnawaveUrl() {
        return SERVER.baseUrl() + "/remnawave";
    }

    static final String REMNAWAVE_TOKEN = "rw-admin-ui-token";

    static String yooKassaUrl() {
        return SERVER.baseUrl() + "/yookassa";
    }

    /** YooKassa now reports the payment as succeeded (read by the admin's re-check). */
    static void paymentSucceeded(long paymentId, long kopecks, long orderId) {
        String id = "yk-" + paymentId;
        SERVER.stubFor(get(urlEqualTo("/yookassa/payments/" + id)).willReturn(json("""
                {"id":"%s","status":"succeeded","paid":true,"amount":{"value":"%s","currency":"RUB"},
                 "created_at":"2026-11-24T10:00:00.000Z","description":"VPN key",
                 "metadata":{"order_id":"%d","payment_id":"%d"},"refundable":true,"test":true}"""
                .formatted(id, BigDecimal.valueOf(kopecks, 2).toPlainString(), orderId, paymentId))));
        SERVER.stubFor(post(urlEqualTo("/yookassa/refunds"))
                .withRequestBody(matchingJsonPath("$.payment_id", equalTo(id)))
                .willReturn(json("""
                        {"id":"rf-%d","status":"succeeded","amount":{"value":"%s","currency":"RUB"},
                         "payment_id":"%s","created_at":"2026-11-24T10:00:00.000Z"}"""
                        .formatted(paymentId, BigDecimal.valueOf(kopecks, 2).toPlainString(), id))));
    }

    /** A webhook receiver that takes every delivery (204), like a shop's own site would. */
    static String webhookReceiverUrl() {
        return SERVER.baseUrl() + "/hooks";
    }

    /** How many webhook deliveries the receiver has taken. */
    static int webhookDeliveries() {
        return SERVER.findAll(postRequestedFor(urlEqualTo("/hooks"))).size();
    }

    /** The texts the bot sent to this chat, in order. */
    static List<String> sentTo(long chatId) {
        return SERVER.findAll(postRequestedFor(urlMatching("(?i)/bot[^/]+/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chatId)))))
                .stream().map(r -> r.getBodyAsString()).toList();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlMatching("(?i)/bot[^/]+/sendMessage")).willReturn(json("{\"ok\":true,\"result\":"
                + "{\"message_id\":7,\"date\":1764000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
        server.stubFor(post(urlMatching("/bot[^/]+/.*")).atPriority(10)
                .willReturn(json("{\"ok\":true,\"result\":true}")));
        // Creating a payment: our metadata echoed back, pending, with a payment page (as YooKassa answers).
        server.stubFor(post(urlEqualTo("/yookassa/payments")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("""
                        {"id":"yk-{{jsonPath request.body '$.metadata.payment_id'}}","status":"pending","paid":false,
                         "amount":{"value":"{{jsonPath request.body '$.amount.value'}}","currency":"RUB"},
                         "confirmation":{"type":"redirect","confirmation_url":"https://yoomoney.ru/checkout/payments/v2/contract"},
                         "created_at":"2026-11-24T10:00:00.000Z","description":"VPN key",
                         "metadata":{"order_id":"{{jsonPath request.body '$.metadata.order_id'}}",
                                     "payment_id":"{{jsonPath request.body '$.metadata.payment_id'}}"},
                         "refundable":false,"test":true}""")));
        server.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
        // YooKassa's list of payments (the nightly reconciliation): none, as for a day without card sales.
        server.stubFor(get(urlPathEqualTo("/yookassa/payments")).willReturn(json("{\"type\":\"list\",\"items\":[]}")));
        // Telegram's Star transactions: none.
        server.stubFor(post(urlMatching("/bot[^/]+/getStarTransactions"))
                .willReturn(json("{\"ok\":true,\"result\":{\"transactions\":[]}}")));
        // Remnawave 3.3.2 as remnawave/backend answers (system.controller, internal-squads.controller, the
        // {"response": …} envelope); without the bearer token or the forwarded headers nothing matches: 404.
        server.stubFor(get(urlEqualTo("/remnawave/api/system/metadata"))
                .withHeader("Authorization", equalTo("Bearer " + REMNAWAVE_TOKEN))
                .withHeader("X-Forwarded-Proto", equalTo("https"))
                .willReturn(json("""
                        {"response":{"version":"3.3.2","build":{"time":"2026-09-20T10:00:00Z","number":"1"},
                         "git":{"backend":{"commitSha":"347e6de1","branch":"main","commitUrl":""},
                                "frontend":{"commitSha":"0","commitUrl":""}}}}""")));
        server.stubFor(get(urlEqualTo("/remnawave/api/internal-squads"))
                .withHeader("Authorization", equalTo("Bearer " + REMNAWAVE_TOKEN))
                .withHeader("X-Forwarded-Proto", equalTo("https"))
                .willReturn(json("""
                        {"response":{"total":2,"internalSquads":[
                         {"uuid":"0b5e2f0c-6d1a-4c7e-9f3b-2a8d4e6c1f70","viewPosition":0,"name":"Europe","tags":[],
                          "info":{"membersCount":120,"inboundsCount":3},"inbounds":[],
                          "createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"},
                         {"uuid":"7c1d9e2a-3b4f-4a6e-8d2c-5f1a9b3e7d40","viewPosition":1,"name":"USA","tags":[],
                          "info":{"membersCount":45,"inboundsCount":2},"inbounds":[],
                          "createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"}]}}""")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
