package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestIds;

class SessionIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RefreshTokenCleanup cleanup;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private JsonNode refresh(String token) {
        return api.post("/api/v1/auth/refresh", Map.of("refreshToken", token), null).json();
    }

    @Test
    void aRefreshTokenRenewsOnceAndItsReuseEndsTheWholeSession() {
        JsonNode signIn = api.post("/api/v1/auth/admin/login",
                Map.of("username", "admin", "password", "test-admin-password"), null).expect(200).json();
        String first = signIn.get("refreshToken").asString();

        JsonNode renewed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null).expect(200).json();
        String second = renewed.get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(renewed.get("role").asString()).isEqualTo("admin");
        api.get("/api/v1/admin/hosts", renewed.get("accessToken").asString()).expect(200);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null).problem(401, "invalid_refresh_token");
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", second), null).problem(401, "invalid_refresh_token");
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE token_hash = :h")
                .param("h", TokenService.hash(first)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSessionsRenewal() {
        JsonNode signIn = api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null).expect(200)
                .json();
        String refresh = signIn.get("refreshToken").asString();

        api.post("/api/v1/auth/logout", Map.of("refreshToken", refresh), null).expect(204);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh), null).problem(401, "invalid_refresh_token");
        api.post("/api/v1/auth/logout", Map.of("refreshToken", refresh), null).expect(204); // twice: still fine
        api.post("/api/v1/auth/logout", Map.of("refreshToken", "not-a-token"), null).expect(204);
    }

    @Test
    void aBannedCustomerCannotRenew() {
        long telegramId = TestIds.telegramId();
        JsonNode signIn = api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId), null).expect(200).json();
        jdbc.sql("UPDATE customers SET banned = TRUE, ban_reason = 'x' WHERE telegram_id = :t").param("t", telegramId)
                .update();

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", signIn.get("refreshToken").asString()), null)
                .problem(403, "customer_banned");
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", "made-up"), null).problem(401, "invalid_refresh_token");
    }

    @Test
    void expiredTokensAreDeletedADayLater() {
        jdbc.sql("""
                INSERT INTO refresh_tokens (subject, token_hash, family_id, expires_at)
                VALUES ('staff:1', :h, gen_random_uuid(), now() - interval '2 days')""")
                .param("h", TokenService.hash("old" + System.nanoTime())).update();

        cleanup.deleteExpired();

        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE expires_at < now() - interval '1 day'")
                .query(Long.class).single()).isZero();
    }
}
