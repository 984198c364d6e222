package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.TestIds;

class AuthIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String initData(long telegramId, long authDate, String botToken) {
        return InitData.signed(botToken, authDate, InitData.userJson(telegramId, "Ivan", "ivan" + telegramId, "en"),
                Map.of("query_id", "AAH1"));
    }

    @Test
    void genuineInitDataSignsInAndCreatesTheCustomerOnce() {
        long telegramId = TestIds.telegramId();
        String data = initData(telegramId, Instant.now().getEpochSecond(), InitData.TEST_BOT_TOKEN);

        JsonNode token = api.post("/api/v1/auth/telegram", Map.of("initData", data), null).expect(200).json();
        api.post("/api/v1/auth/telegram", Map.of("initData", data), null).expect(200);

        assertThat(token.get("role").asString()).isEqualTo("customer");
        assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
        JsonNode me = api.get("/api/v1/me", token.get("accessToken").asString()).expect(200).json();
        assertThat(me.get("telegramId").asLong()).isEqualTo(telegramId);
        assertThat(me.get("language").asString()).isEqualTo("en");
        assertThat(me.get("number").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE telegram_id = :t").param("t", telegramId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM customer_group_members m JOIN customer_groups g ON g.id = m.group_id
                JOIN customers c ON c.id = m.customer_id WHERE g.is_default AND c.telegram_id = :t""")
                .param("t", telegramId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void tamperedForeignAndStaleInitDataAreRefusedWithProblems() {
        long now = Instant.now().getEpochSecond();
        long telegramId = TestIds.telegramId();
        String tampered = initData(telegramId, now, InitData.TEST_BOT_TOKEN).replace("AAH1", "AAH2");
        String foreign = initData(telegramId, now, "654321:SOMEONE-ELSES-BOT");
        String stale = initData(telegramId, now - 7200, InitData.TEST_BOT_TOKEN);

        api.post("/api/v1/auth/telegram", Map.of("initData", tampered), null).problem(401, "invalid_init_data");
        api.post("/api/v1/auth/telegram", Map.of("initData", foreign), null).problem(401, "invalid_init_data");
        api.post("/api/v1/auth/telegram", Map.of("initData", stale), null).problem(401, "stale_init_data");
        api.post("/api/v1/auth/telegram", Map.of("initData", ""), null).problem(400, "validation_failed");
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE telegram_id = :t").param("t", telegramId)
                .query(Long.class).single())
                .isZero();
    }

    @Test
    void bannedCustomersCannotSignIn() {
        long telegramId = TestIds.telegramId();
        String data = initData(telegramId, Instant.now().getEpochSecond(), InitData.TEST_BOT_TOKEN);
        api.post("/api/v1/auth/telegram", Map.of("initData", data), null).expect(200);
        jdbc.sql("UPDATE customers SET banned = TRUE, ban_reason = 'fraud' WHERE telegram_id = :t")
                .param("t", telegramId).update();

        api.post("/api/v1/auth/telegram", Map.of("initData", data), null).problem(403, "customer_banned");
    }

    @Test
    void adminSignsInAndWrongPasswordsGetTheSameAnswerAsUnknownLogins() {
        JsonNode token = api.post("/api/v1/auth/admin/login",
                Map.of("username", "admin", "password", "test-admin-password"), null).expect(200).json();
        assertThat(token.get("role").asString()).isEqualTo("admin");
        assertThat(token.get("expiresIn").asLong()).isEqualTo(900);

        JsonNode wrong = api.post("/api/v1/auth/admin/login", Map.of("username", "nobody", "password", "x"), null)
                .problem(401, "invalid_credentials");
        assertThat(wrong.toString()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreTriesThanTheLimit() throws Exception {
        String login = "burst" + System.nanoTime();
        jdbc.sql("INSERT INTO staff (username, password_hash, role) VALUES (:login, :hash, 'OPERATOR')")
                .param("login", login).param("hash", passwords.encode("right-password")).update();
        CyclicBarrier together = new CyclicBarrier(8);
        List<CompletableFuture<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api from = new Api(port, "198.18.0." + (i + 1));
            guesses.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return from.post("/api/v1/auth/admin/login", Map.of("username", login, "password", "wrong"), null)
                        .status();
            }));
        }
        guesses.forEach(CompletableFuture::join);

        // three wrong passwords lock the account: the other five were never checked against the hash
        assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM staff WHERE username = :l").param("l", login)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'staff.locked' AND actor_name = :login")
                .param("login", login).query(Long.class).single()).isEqualTo(1);
        new Api(port).post("/api/v1/auth/admin/login", Map.of("username", login, "password", "right-password"), null)
                .problem(401, "invalid_credentials");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedClearly() {
        JsonNode tooLong = api.post("/api/v1/auth/admin/login", Map.of("username", "admin",
                "password", "п".repeat(40)), null).problem(400, "validation_failed");
        assertThat(tooLong.get("errors").get(0).get("code").asString()).isEqualTo("password_too_long");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String login = "locktest" + System.nanoTime();
        jdbc.sql("INSERT INTO staff (username, password_hash, role) VALUES (:login, :hash, 'OPERATOR')")
                .param("login", login).param("hash", passwords.encode("right-password")).update();
        Map<String, String> wrong = Map.of("username", login, "password", "wrong");

        api.post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        api.post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        api.post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        // locked: even the right password is answered exactly as a wrong login or an unknown one
        JsonNode locked = new Api(port).post("/api/v1/auth/admin/login", Map.of("username", login,
                "password", "right-password"), null).problem(401, "invalid_credentials");
        JsonNode unknown = new Api(port).post("/api/v1/auth/admin/login", Map.of("username", "nobody" + login,
                "password", "right-password"), null).problem(401, "invalid_credentials");
        assertThat(locked.get("detail")).isEqualTo(unknown.get("detail"));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'staff.locked' AND actor_name = :login")
                .param("login", login).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rolesAreEnforcedOnEveryAdminEndpoint() {
        String customer = api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null)
                .expect(200).json().get("accessToken").asString();
        String operator = Operators.signedIn(api, jdbc, passwords, "operator").token();

        api.get("/api/v1/admin/hosts", customer).problem(403, "forbidden");
        api.get("/api/v1/admin/customers", customer).problem(403, "forbidden");
        api.get("/api/v1/admin/hosts", null).problem(401, "unauthorized");
        api.get("/api/v1/admin/hosts", "not-a-jwt").problem(401, "unauthorized");
        api.get("/api/v1/me", operator).problem(403, "forbidden");
        api.get("/api/v1/admin/hosts", operator).problem(403, "forbidden");
        api.get("/api/v1/admin/customers", operator).expect(200);
        api.post("/api/v1/admin/customers/1/ban", Map.of("reason", "x"), operator).problem(403, "forbidden");
        api.get("/api/v1/admin/plans", operator).expect(200);
        // Operators see customers and their keys but change nothing about them (SPEC §10).
        api.post("/api/v1/admin/keys/1/extend", Map.of("days", 1), operator).problem(403, "forbidden");
        api.post("/api/v1/admin/keys/1/disable", Map.of(), operator).problem(403, "forbidden");
        api.post("/api/v1/admin/payments/1/recheck", Map.of(), operator).problem(403, "forbidden");
    }
}
