package dev.darkmaximus.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * One WireMock standing in for the YooKassa API v3 for the whole test JVM, answering with bodies shaped like
 * ../shared/reference/payments.md. Payment ids are "yk-&lt;our payment id&gt;" so each test finds its own.
 */
public final class TestYooKassa {

    private static final WireMockServer SERVER = start();

    private TestYooKassa() {
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String providerId(long paymentId) {
        return "yk-" + paymentId;
    }

    /** How often YooKassa has been asked about our payment (GET /payments/{id}), a request still under way included. */
    public static int reads(long paymentId) {
        return SERVER.findAll(WireMock.getRequestedFor(urlEqualTo("/payments/" + providerId(paymentId)))).size();
    }

    /** What YooKassa answers to GET /payments/{id}: the payment with this status, amount and order. */
    public static void payment(long paymentId, String status, long kopecks, long orderId) {
        SERVER.stubFor(get(urlEqualTo("/payments/" + providerId(paymentId))).willReturn(json(200,
                paymentJson(providerId(paymentId), status, kopecks, orderId, paymentId))));
    }

    /** A {@code payment.succeeded} notification body as YooKassa posts it. */
    public static String notification(String event, long paymentId, String status, long kopecks, long orderId) {
        return "{\"type\":\"notification\",\"event\":\"" + event + "\",\"object\":"
                + paymentJson(providerId(paymentId), status, kopecks, orderId, paymentId) + "}";
    }

    public static void refundSucceeds(long paymentId) {
        refundSucceeds(paymentId, "rf-" + paymentId);
    }

    /** The next refunds of the payment succeed under this YooKassa refund id (ids are unique per refund). */
    public static void refundSucceeds(long paymentId, String refundId) {
        SERVER.stubFor(post(urlEqualTo("/refunds"))
                .withRequestBody(matchingJsonPath("$.payment_id", equalTo(providerId(paymentId))))
                .willReturn(json(200, """
                        {"id":"%s","status":"succeeded","amount":{"value":"1.00","currency":"RUB"},
                         "payment_id":"%s","created_at":"2026-11-24T10:00:00.000Z"}"""
                        .formatted(refundId, providerId(paymentId)))));
    }

    /** The next refund of the payment is accepted as "pending" under this id, as YooKassa does for some banks. */
    public static void refundPending(long paymentId, String refundId) {
        SERVER.stubFor(post(urlEqualTo("/refunds"))
                .withRequestBody(matchingJsonPath("$.payment_id", equalTo(providerId(paymentId))))
                .willReturn(json(200, refund(refundId, paymentId, "pending", ""))));
        refundIs(refundId, paymentId, "pending", null);
    }

    /** {@code GET /refunds/{id}} answers this status now (with YooKassa's cancellation details when canceled). */
    public static void refundIs(String refundId, long paymentId, String status, String cancellationReason) {
        SERVER.stubFor(WireMock.get(urlEqualTo("/refunds/" + refundId))
                .willReturn(json(200, refund(refundId, paymentId, status, cancellationReason == null ? ""
                        : ",\"cancellation_details\":{\"party\":\"payment_network\",\"reason\":\""
                        + cancellationReason + "\"}"))));
    }

    private static String refund(String refundId, long paymentId, String status, String extra) {
        return """
                {"id":"%s","status":"%s","amount":{"value":"1.00","currency":"RUB"},
                 "payment_id":"%s","created_at":"2026-11-24T10:00:00.000Z"%s}"""
                .formatted(refundId, status, providerId(paymentId), extra);
    }

    /**
     * A payment made with a bank card, as YooKassa shows it (fields as yoomoney/yookassa-sdk-python@bde5a27 reads them:
     * src/yookassa/domain/models/payment_data/payment_data.py {@code id, saved, title},
     * …/payment_data/response/credit_card.py {@code first6, last4, expiry_year, expiry_month, card_type}): {@code payment_method} with its id, whether YooKassa
     * saved it for later charges, the card's last digits; a canceled one carries {@code cancellation_details}.
     */
    public static String cardPaymentJson(String id, String status, long kopecks, long orderId, long paymentId,
                                         String methodId, boolean saved, String cancellationReason) {
        String method = """
                "payment_method":{"type":"bank_card","id":"%s","saved":%s,"title":"Bank card *4444",                "card":{"first6":"555555","last4":"4444","expiry_year":"2030","expiry_month":"12",                "card_type":"MasterCard","issuer_country":"RU"}},""".formatted(methodId, saved);
        String canceled = cancellationReason == null ? "" : """
                "cancellation_details":{"party":"payment_network","reason":"%s"},""".formatted(cancellationReason);
        return paymentJson(id, status, kopecks, orderId, paymentId).replace("\"refundable\":",
                method + canceled + "\"refundable\":");
    }

    public static String paymentJson(String id, String status, long kopecks, long orderId, long paymentId) {
        return """
                {"id":"%s","status":"%s","paid":%s,"amount":{"value":"%s","currency":"RUB"},
                 "confirmation":{"type":"redirect","confirmation_url":"https://yoomoney.ru/checkout/payments/v2/contract?orderId=%s"},
                 "created_at":"2026-11-24T10:00:00.000Z","description":"VPN key, order #%d",
                 "metadata":{"order_id":"%d","payment_id":"%d"},
                 "recipient":{"account_id":"100500","gateway_id":"100700"},"refundable":%s,"test":true}"""
                .formatted(id, status, "succeeded".equals(status), BigDecimal.valueOf(kopecks, 2).toPlainString(), id,
                        orderId, orderId, paymentId, "succeeded".equals(status));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        // Creating a payment: echo our metadata back, as YooKassa does, with a pending status and a payment page.
        server.stubFor(post(urlEqualTo("/payments")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"id":"yk-{{jsonPath request.body '$.metadata.payment_id'}}","status":"pending","paid":false,
                         "amount":{"value":"{{jsonPath request.body '$.amount.value'}}","currency":"RUB"},
                         "confirmation":{"type":"redirect","confirmation_url":"https://yoomoney.ru/checkout/payments/v2/contract?orderId=yk-{{jsonPath request.body '$.metadata.payment_id'}}"},
                         "created_at":"2026-11-24T10:00:00.000Z","description":"{{jsonPath request.body '$.description'}}",
                         "metadata":{"order_id":"{{jsonPath request.body '$.metadata.order_id'}}",
                                     "payment_id":"{{jsonPath request.body '$.metadata.payment_id'}}"},
                         "recipient":{"account_id":"100500","gateway_id":"100700"},"refundable":false,"test":true}""")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
