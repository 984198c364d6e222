package dev.darkmaximus.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.TestIds;

/**
 * Outbound webhooks (SPEC §15) against a receiver on WireMock: signed as docs/integrators.md says, retried with
 * backoff while the receiver is down and delivered once when it is back, logged for admins, switched off after a
 * day of failures with an alert, and never in the way of the transaction that caused the event.
 */
class WebhooksIT extends PanelBackedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PasswordEncoder passwords;

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private String admin;
    private Map<String, String> integrator;

    @BeforeEach
    void receiverAndKey() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
        admin = api.adminToken();
        integrator = Map.of("X-Api-Key", api.post("/api/v1/admin/api-keys", Map.of("name", "hooks " + System.nanoTime(),
                "scopes", List.of("customers:write", "orders:write")), admin).expect(201).json().get("key").asString());
    }

    @AfterEach
    void forgetEndpoints() {
        // Endpoints outlive a test in the shared database; left behind, they would collect every later test's events.
        jdbc.sql("DELETE FROM webhook_endpoints").update();
        receiver.stop();
    }

    private JsonNode register(String... events) {
        return api.post("/api/v1/admin/webhooks", Map.of("url", receiver.baseUrl() + "/hooks",
                "description", "site", "events", List.of(events)), admin).expect(201).json();
    }

    private long newCustomer() {
        return api.put("/api/v1/integrations/customers/" + TestIds.telegramId(), Map.of("firstName", "Hook"), null,
                integrator).expect(201).json().get("id").asLong();
    }

    private JsonNode onlyDelivery(long endpointId) {
        JsonNode log = api.get("/api/v1/admin/webhooks/" + endpointId + "/deliveries", admin).expect(200).json();
        assertThat(log.size()).isEqualTo(1);
        return log.get(0);
    }

    private Instant nextAttempt(long deliveryId) {
        return jdbc.sql("SELECT next_attempt_at FROM outbox_tasks WHERE dedup_key = :key")
                .param("key", "webhook:" + deliveryId + ":0").query(Instant.class).single();
    }

    /** The documented check, written from docs/integrators.md and not from the sender's code. */
    private static String expectedSignature(String secret, String header, String body) throws Exception {
        String t = header.split(",")[0].substring("t=".length());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeliveryIsSignedAsDocumentedCarriesTheFeedEventAndIsLogged() throws Exception {
        JsonNode created = register("customer.created");
        String secret = created.get("secret").asString();
        long endpointId = created.get("endpoint").get("id").asLong();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/admin/webhooks/" + endpointId, admin).body()).doesNotContain(secret);

        long customerId = newCustomer();
        JsonNode delivery = onlyDelivery(endpointId);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        outbox.run("webhook:");

        List<LoggedRequest> sent = receiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.getFirst();
        String body = request.getBodyAsString();
        String signature = request.getHeader("X-DM-Signature");
        assertThat(signature).isEqualTo(expectedSignature(secret, signature, body));
        assertThat(DocumentedSignature.verified(secret, signature, request.getBody()))
                .as("the receiver's check from docs/integrators.md accepts it").isTrue();
        long signedAt = Long.parseLong(signature.split(",")[0].substring(2));
        assertThat(Math.abs(Instant.now().getEpochSecond() - signedAt)).isLessThan(600);
        assertThat(request.getHeader("X-DM-Event")).isEqualTo("customer.created");
        JsonNode event = JSON.readTree(body);
        assertThat(event.get("type").asString()).isEqualTo("customer.created");
        assertThat(event.get("data").get("customerId").asLong()).isEqualTo(customerId);
        assertThat(request.getHeader("X-DM-Event-Id")).isEqualTo(event.get("id").asString());

        JsonNode logged = onlyDelivery(endpointId);
        assertThat(logged.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(logged.get("attempts").asInt()).isEqualTo(1);
        assertThat(logged.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(logged.get("lastDurationMs").asInt()).isNotNegative();
        assertThat(logged.get("eventId").asLong()).isEqualTo(event.get("id").asLong());
    }

    @Test
    void aReceiverThatIsDownIsRetriedWithBackoffAndGetsTheEventOnceWhenBack() {
        long endpointId = register("customer.created", "order.paid").get("endpoint").get("id").asLong();
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(503)));
        newCustomer();
        long deliveryId = onlyDelivery(endpointId).get("id").asLong();

        Instant before = Instant.now();
        outbox.run("webhook:" + deliveryId + ":");
        Duration first = Duration.between(before, nextAttempt(deliveryId));
        outbox.run("webhook:" + deliveryId + ":");
        Duration second = Duration.between(Instant.now(), nextAttempt(deliveryId));
        assertThat(first).as("30 s after the first failure").isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
        assertThat(second).as("doubled").isBetween(Duration.ofSeconds(50), Duration.ofSeconds(70));
        JsonNode failing = onlyDelivery(endpointId);
        assertThat(failing.get("status").asString()).isEqualTo("PENDING");
        api.post("/api/v1/admin/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/resend", null, admin)
                .problem(409, "delivery_pending");
        assertThat(failing.get("attempts").asInt()).isEqualTo(2);
        assertThat(failing.get("lastStatusCode").asInt()).isEqualTo(503);
        assertThat(api.get("/api/v1/admin/webhooks/" + endpointId, admin).expect(200).json().get("failingSince")
                .isNull()).isFalse();

        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        outbox.run("webhook:" + deliveryId + ":");
        outbox.run("webhook:" + deliveryId + ":");
        receiver.verify(3, postRequestedFor(urlEqualTo("/hooks")));
        JsonNode delivered = onlyDelivery(endpointId);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/webhooks/" + endpointId, admin).expect(200).json().get("failingSince")
                .isNull()).isTrue();

        api.post("/api/v1/admin/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/resend", null, admin)
                .expect(200);
        outbox.run("webhook:" + deliveryId + ":");
        receiver.verify(4, postRequestedFor(urlEqualTo("/hooks")));
    }

    @Test
    void aDayOfFailuresSwitchesTheEndpointOffWithAnAlertAndAResendAfterwardsDelivers() {
        settings.put(ShopSettings.ADMIN_CHAT_ID, "-100555", Setting.ValueType.STRING, "test");
        try {
            JsonNode endpoint = register("customer.created").get("endpoint");
            long endpointId = endpoint.get("id").asLong();
            receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(500)));
            newCustomer();
            long deliveryId = onlyDelivery(endpointId).get("id").asLong();
            outbox.run("webhook:" + deliveryId + ":");
            jdbc.sql("UPDATE webhook_endpoints SET failing_since = now() - interval '25 hours' WHERE id = :id")
                    .param("id", endpointId).update();
            outbox.run("webhook:" + deliveryId + ":");

            JsonNode off = api.get("/api/v1/admin/webhooks/" + endpointId, admin).expect(200).json();
            assertThat(off.get("enabled").asBoolean()).isFalse();
            assertThat(off.get("disabledReason").asString()).contains("HTTP 500");
            assertThat(onlyDelivery(endpointId).get("status").asString()).isEqualTo("FAILED");
            assertThat(db.count("SELECT count(*) FROM outbox_tasks WHERE kind = 'admin.alert' AND payload::text "
                    + "LIKE ?", "%Webhook endpoint #" + endpointId + " %switched off%")).isEqualTo(1);
            api.post("/api/v1/admin/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/resend", null, admin)
                    .problem(409, "webhook_disabled");

            receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
            api.put("/api/v1/admin/webhooks/" + endpointId, Map.of("url", endpoint.get("url").asString(),
                    "events", List.of("customer.created"), "enabled", true), admin).expect(200);
            api.post("/api/v1/admin/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/resend", null, admin)
                    .expect(200);
            outbox.run("webhook:" + deliveryId + ":");
            assertThat(onlyDelivery(endpointId).get("status").asString()).isEqualTo("DELIVERED");
        } finally {
            settings.put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.STRING, "test");
        }
    }

    @Test
    void aReceiverAnsweringSlowlyDoesNotSlowCheckout() throws Exception {
        // A receiver that holds every request until the test lets it answer: as slow as the test needs, no timing.
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch reached = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/slow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            reached.countDown();
            try {
                answered.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.start();
        try {
            long endpointId = api.post("/api/v1/admin/webhooks", Map.of("url", "http://127.0.0.1:"
                    + slow.getAddress().getPort() + "/slow", "events", List.of("customer.created", "order.paid")),
                    admin).expect(201).json().get("endpoint").get("id").asLong();
            long telegramId = TestIds.telegramId();
            long customerId = api.put("/api/v1/integrations/customers/" + telegramId, Map.of(), null, integrator)
                    .expect(201).json().get("id").asLong();
            long deliveryId = onlyDelivery(endpointId).get("id").asLong();

            // The worker is stuck on the receiver while the customer pays.
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(
                    () -> outbox.run("webhook:" + deliveryId + ":"));
            assertThat(reached.await(60, TimeUnit.SECONDS)).as("the receiver got the delivery").isTrue();
            shop.credit(customerId, 19_900);
            Map<String, String> ordering = new HashMap<>(integrator);
            ordering.put("Idempotency-Key", "slow-receiver");
            JsonNode order = api.post("/api/v1/integrations/customers/" + telegramId + "/orders",
                    Map.of("kind", "NEW_KEY", "planId", shop.plan(hostId, "visible"), "method", "BALANCE"), null,
                    ordering).expect(201).json();

            assertThat(order.get("status").asString()).isEqualTo("PAID");
            assertThat(sending).as("the checkout finished while the receiver still held its delivery").isNotDone();
            assertThat(db.count("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ? AND event_type = "
                    + "'order.paid' AND status = 'PENDING'", endpointId)).isEqualTo(1);
            answered.countDown();
            sending.get(60, TimeUnit.SECONDS);
            assertThat(db.count("SELECT count(*) FROM webhook_deliveries WHERE id = ? AND status = 'DELIVERED'",
                    deliveryId)).isEqualTo(1);
        } finally {
            answered.countDown();
            slow.stop(0);
        }
    }

    @Test
    void adminsAloneRegisterEndpointsAndBadInputIsAFieldError() {
        JsonNode badUrl = api.post("/api/v1/admin/webhooks", Map.of("url", "ftp://user:pw@example.com/x",
                "events", List.of("customer.created")), admin).problem(400, "validation_failed");
        assertThat(badUrl.get("errors").get(0).get("field").asString()).isEqualTo("url");
        JsonNode badEvent = api.post("/api/v1/admin/webhooks", Map.of("url", "https://example.com/x",
                "events", List.of("order.exploded")), admin).problem(400, "validation_failed");
        assertThat(badEvent.get("errors").get(0).get("field").asString()).isEqualTo("events");
        api.post("/api/v1/admin/webhooks", Map.of("url", "https://example.com/x"), admin)
                .problem(400, "validation_failed");

        String operator = Operators.signedIn(api, jdbc, passwords, "hooks").token();
        api.get("/api/v1/admin/webhooks", operator).problem(403, "forbidden");
        api.post("/api/v1/admin/webhooks", Map.of("url", "https://example.com/x",
                "events", List.of("customer.created")), operator).problem(403, "forbidden");

        JsonNode created = register("key.created");
        long id = created.get("endpoint").get("id").asLong();
        JsonNode rotated = api.post("/api/v1/admin/webhooks/" + id + "/secret", null, admin).expect(200).json();
        assertThat(rotated.get("secret").asString()).isNotEqualTo(created.get("secret").asString());
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE object_type = 'webhook_endpoint' AND object_id = ? "
                + "AND (before_state::text LIKE '%whsec_%' OR after_state::text LIKE '%whsec_%')", Long.toString(id)))
                .as("the secret is never audited").isZero();
        api.delete("/api/v1/admin/webhooks/" + id, admin).expect(204);
        api.get("/api/v1/admin/webhooks/" + id, admin).problem(404, "not_found");
    }
}
