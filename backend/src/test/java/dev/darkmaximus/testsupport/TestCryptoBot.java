package dev.darkmaximus.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * One WireMock standing in for CryptoBot's Crypto Pay API for the whole test JVM: the real network under
 * {@code /api}, the test network under {@code /testnet/api}. It answers as the API does by its documentation
 * (help.crypt.bot/crypto-pay-api, API 1.5.x; read on 2026-12-06) and the fixtures of SDKs tested against the real
 * test network (WinoGarcia/CryptoPay@5dcf46dd CryptoPay.Tests/TestData, layerqa/aiocryptopay@731b9299 api.py):
 * <ul>
 *   <li>every method is {@code POST <root>/<method>} with the token in {@code Crypto-Pay-API-Token}; a wrong token
 *       is {@code 401 {"ok":false,"error":{"code":401,"name":"UNAUTHORIZED"}}};</li>
 *   <li>answers are {@code {"ok":true,"result":…}}; {@code getInvoices} wraps its list in {@code {"items":[…]}};</li>
 *   <li>amounts are decimal strings, dates ISO 8601 with milliseconds, absent optional fields left out;</li>
 *   <li>webhook updates are compact JSON signed with HMAC-SHA-256 keyed with SHA-256 of the token (hex).</li>
 * </ul>
 * Invoice ids here equal our payment ids (the fake reads them off the payload) so each test finds its own.
 */
public final class TestCryptoBot {

    public static final String TOKEN = "12345:AAtestnetTokenForTheFakeCryptoPay";
    private static final WireMockServer SERVER = start();

    private TestCryptoBot() {
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.port() + "/api";
    }

    public static String testnetBaseUrl() {
        return "http://127.0.0.1:" + SERVER.port() + "/testnet/api";
    }

    public static WireMockServer server() {
        return SERVER;
    }

    /** What {@code getInvoices} answers for this invoice now (one of ours: a fiat invoice in roubles). */
    public static void invoice(long paymentId, String status, long kopecks, long orderId) {
        for (String root : new String[] {"/api", "/testnet/api"}) {
            SERVER.stubFor(post(urlEqualTo(root + "/getInvoices")).atPriority(5)
                    .withHeader("Crypto-Pay-API-Token", equalTo(TOKEN))
                    .withRequestBody(matchingJsonPath("$.invoice_ids", equalTo(Long.toString(paymentId))))
                    .willReturn(json(200, "{\"ok\":true,\"result\":{\"items\":["
                            + invoiceJson(paymentId, status, kopecks, orderId) + "]}}")));
        }
    }

    /** How many times {@code getInvoices} was asked about this invoice. */
    public static int reads(long paymentId) {
        return SERVER.findAll(postRequestedFor(urlEqualTo("/api/getInvoices"))
                .withRequestBody(matchingJsonPath("$.invoice_ids", equalTo(Long.toString(paymentId))))).size();
    }

    /** An {@code invoice_paid} update as CryptoBot posts it (compact JSON). */
    public static String update(long paymentId, String status, long kopecks, long orderId) {
        return "{\"update_id\":" + (70_000_000 + paymentId) + ",\"update_type\":\"invoice_paid\","
                + "\"request_date\":\"2026-12-06T10:15:31.714Z\",\"payload\":"
                + invoiceJson(paymentId, status, kopecks, orderId) + "}";
    }

    /** The {@code crypto-pay-api-signature} CryptoBot sends with {@code body}, made with {@code token}. */
    public static String signature(String body, String token) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String invoiceJson(long paymentId, String status, long kopecks, long orderId) {
        String hash = "IV" + Long.toString(paymentId, 36).toUpperCase() + "tst";
        String paid = "paid".equals(status) ? """
                ,"paid_asset":"USDT","paid_amount":"2.48","paid_fiat_rate":"80.24","fee_asset":"USDT",\
                "fee_amount":"0.0744","fee":"0.0744","fee_in_usd":"0.07437","paid_usd_rate":"0.99955478",\
                "usd_rate":"0.99955478","paid_at":"2026-12-06T10:15:31.568Z","paid_anonymously":false""" : "";
        return ("{\"invoice_id\":%d,\"hash\":\"%s\",\"currency_type\":\"fiat\",\"fiat\":\"RUB\",\"amount\":\"%s\","
                + "\"accepted_assets\":[\"USDT\",\"TON\"],\"pay_url\":\"https://t.me/CryptoBot?start=%s\","
                + "\"bot_invoice_url\":\"https://t.me/CryptoBot?start=%s\","
                + "\"mini_app_invoice_url\":\"https://t.me/CryptoBot/app?startapp=invoice-%s&mode=compact\","
                + "\"web_app_invoice_url\":\"https://app.send.tg/invoices/%s\","
                + "\"description\":\"VPN key, order #%d\",\"status\":\"%s\","
                + "\"created_at\":\"2026-12-06T10:00:00.220Z\",\"allow_comments\":false,\"allow_anonymous\":false,"
                + "\"expiration_date\":\"2026-12-06T10:30:00.220Z\",\"payload\":\"order:%d;payment:%d\"%s}")
                .formatted(paymentId, hash, BigDecimal.valueOf(kopecks, 2).toPlainString(), hash, hash, hash, hash,
                        orderId, status, orderId, paymentId, paid);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        for (String root : new String[] {"/api", "/testnet/api"}) {
            // Any method with a token that isn't the app's: refused as the API refuses it.
            server.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(root + "/[A-Za-z]+"))
                    .atPriority(1).withHeader("Crypto-Pay-API-Token", not(equalTo(TOKEN)))
                    .willReturn(json(401, "{\"ok\":false,\"error\":{\"code\":401,\"name\":\"UNAUTHORIZED\"}}")));
            // createInvoice: a new active fiat invoice echoing what was asked, its id read off our payload.
            server.stubFor(post(urlEqualTo(root + "/createInvoice")).atPriority(10).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody("""
                            {"ok":true,"result":{"invoice_id":{{regexExtract (jsonPath request.body '$.payload') \
                            '[0-9]+$'}},"hash":"IVfake{{regexExtract (jsonPath request.body '$.payload') '[0-9]+$'}}",\
                            "currency_type":"{{jsonPath request.body '$.currency_type'}}",\
                            "fiat":"{{jsonPath request.body '$.fiat'}}","amount":"{{jsonPath request.body '$.amount'}}",\
                            "accepted_assets":["USDT","TON"],\
                            "pay_url":"https://t.me/CryptoBot?start=IVfake{{regexExtract (jsonPath request.body \
                            '$.payload') '[0-9]+$'}}",\
                            "bot_invoice_url":"https://t.me/CryptoBot?start=IVfake{{regexExtract (jsonPath \
                            request.body '$.payload') '[0-9]+$'}}",\
                            "mini_app_invoice_url":"https://t.me/CryptoBot/app?startapp=invoice-IVfake&mode=compact",\
                            "web_app_invoice_url":"https://app.send.tg/invoices/IVfake",\
                            "description":"{{jsonPath request.body '$.description'}}","status":"active",\
                            "created_at":"2026-12-06T10:00:00.220Z","allow_comments":false,"allow_anonymous":false,\
                            "payload":"{{jsonPath request.body '$.payload'}}"}}""")));
            // getInvoices about an invoice no test described: not found, so an empty list.
            server.stubFor(post(urlEqualTo(root + "/getInvoices")).atPriority(10)
                    .willReturn(json(200, "{\"ok\":true,\"result\":{\"items\":[]}}")));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
