package dev.darkmaximus.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestIds;

class CustomerAdminIT extends IntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    String admin;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        admin = api.adminToken();
    }

    private JsonNode register(long telegramId, String username) {
        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId, "username", username,
                "firstName", "Test"), null).expect(200).json().get("accessToken").asString();
        return api.get("/api/v1/me", token).expect(200).json();
    }

    @Test
    void searchFindsByUsernamePrefixNumberAndTelegramId() {
        long base = TestIds.telegramIds(3);
        String tag = "srch" + base;
        JsonNode first = register(base + 1, tag + "_alice");
        register(base + 2, tag + "_bob");

        assertThat(api.get("/api/v1/admin/customers?q=@" + tag, admin).expect(200).json().get("data")
                .findValuesAsString("username")).containsExactly(tag + "_bob", tag + "_alice");
        assertThat(api.get("/api/v1/admin/customers?q=" + first.get("number").asLong(), admin).json().get("data")
                .get(0).get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(api.get("/api/v1/admin/customers?q=" + (base + 2), admin).json().get("data")
                .get(0).get("username").asString()).isEqualTo(tag + "_bob");
        assertThat(api.get("/api/v1/admin/customers?q=" + tag + "%25", admin).json().get("data").size()).isZero();
    }

    @Test
    void pagesAreNewestFirstWithACursor() {
        long base = TestIds.telegramIds(4);
        String tag = "page" + base;
        for (int i = 1; i <= 3; i++) {
            register(base + i, tag + "_" + i);
        }

        JsonNode page1 = api.get("/api/v1/admin/customers?limit=2&q=" + tag, admin).expect(200).json();
        long last = page1.get("data").get(1).get("id").asLong();
        JsonNode page2 = api.get("/api/v1/admin/customers?limit=2&q=" + tag + "&startingAfter=" + last, admin).json();

        assertThat(page1.get("hasMore").asBoolean()).isTrue();
        assertThat(page1.get("data").findValuesAsString("username")).containsExactly(tag + "_3", tag + "_2");
        assertThat(page2.get("data").findValuesAsString("username")).containsExactly(tag + "_1");
        assertThat(page2.get("hasMore").asBoolean()).isFalse();
        api.get("/api/v1/admin/customers?limit=0", admin).problem(400, "validation_failed");
        api.get("/api/v1/admin/customers?limit=101", admin).problem(400, "validation_failed");
    }

    @Test
    void banNeedsAReasonAndUnbanRestoresAccess() {
        long telegramId = TestIds.telegramId();
        long id = register(telegramId, "banme").get("id").asLong();
        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId), null).expect(200).json()
                .get("accessToken").asString();
        api.get("/api/v1/me", token).expect(200);

        api.post("/api/v1/admin/customers/" + id + "/ban", Map.of("reason", " "), admin).problem(400, "validation_failed");
        JsonNode banned = api.post("/api/v1/admin/customers/" + id + "/ban", Map.of("reason", "Chargeback"), admin)
                .expect(200).json();
        assertThat(banned.get("banned").asBoolean()).isTrue();
        assertThat(banned.get("banReason").asString()).isEqualTo("Chargeback");
        api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId), null).problem(403, "customer_banned");
        // the token issued before the ban stops working on the next request, not when it expires
        api.get("/api/v1/me", token).problem(403, "customer_banned");
        api.post("/api/v1/orders", Map.of("kind", "TOP_UP", "amountMinor", 10_000, "method", "YOOKASSA"), token,
                Map.of("Idempotency-Key", "after-ban")).problem(403, "customer_banned");
        api.post("/api/v1/me/tickets/messages", Map.of("text", "hello"), token).problem(403, "customer_banned");

        assertThat(api.post("/api/v1/admin/customers/" + id + "/unban", Map.of(), admin).expect(200).json()
                .get("banned").asBoolean()).isFalse();
        api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId), null).expect(200);
        api.post("/api/v1/admin/customers/987654321/ban", Map.of("reason", "x"), admin).problem(404, "not_found");
    }
}
