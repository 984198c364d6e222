package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.TestIds;

/**
 * Who may act is remembered per node ({@link AccountAccess}), yet a ban or a switched-off staff account still takes
 * effect on the very next request. The changes here are made in the database directly, as another node would make
 * them: nothing in this node's code is told.
 */
class AccountAccessIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aBanMadeElsewhereRefusesTheVeryNextRequestAndAnUnbanLetsTheNextOneIn() {
        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null)
                .expect(200).json().get("accessToken").asString();
        long id = api.get("/api/v1/me", token).expect(200).json().get("id").asLong();
        api.get("/api/v1/catalog/plans", token).expect(200); // remembered as allowed on this node

        ban(id);
        api.get("/api/v1/catalog/plans", token).problem(403, "customer_banned");
        api.get("/api/v1/me", token).problem(403, "customer_banned");

        jdbc.sql("UPDATE customers SET banned = FALSE, ban_reason = NULL, banned_at = NULL WHERE id = :id")
                .param("id", id).update();
        api.get("/api/v1/catalog/plans", token).expect(200);
        api.get("/api/v1/me", token).expect(200);
    }

    /** Banned in the database directly, as an admin on another node would. */
    private void ban(long customerId) {
        jdbc.sql("UPDATE customers SET banned = TRUE, ban_reason = 'test', banned_at = now() WHERE id = :id")
                .param("id", customerId).update();
    }

    @Test
    void aStaffAccountSwitchedOffElsewhereIsRefusedOnTheVeryNextRequest() {
        Operators.Operator operator = Operators.signedIn(api, jdbc, passwords, "access");
        api.get("/api/v1/admin/customers", operator.token()).expect(200);

        jdbc.sql("UPDATE staff SET active = FALSE WHERE id = :id").param("id", operator.id()).update();
        api.get("/api/v1/admin/customers", operator.token()).problem(401, "account_disabled");

        jdbc.sql("UPDATE staff SET active = TRUE WHERE id = :id").param("id", operator.id()).update();
        api.get("/api/v1/admin/customers", operator.token()).expect(200);
    }

    @Test
    void aBanDuringABurstOfRequestsHoldsForEveryRequestThatStartsAfterIt() throws Exception {
        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null)
                .expect(200).json().get("accessToken").asString();
        long id = api.get("/api/v1/me", token).expect(200).json().get("id").asLong();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            burst.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    for (int n = 0; n < 20; n++) {
                        new Api(port).get("/api/v1/catalog/plans", token).body();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.await();
        ban(id);
        // Whatever the burst left remembered, a request that starts after the ban's commit is refused.
        for (int n = 0; n < 5; n++) {
            api.get("/api/v1/catalog/plans", token).problem(403, "customer_banned");
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).join();
        assertThat(api.get("/api/v1/me", token).problem(403, "customer_banned")).isNotNull();
    }

    /** The counters are a row each: a long transaction that changes the catalog (a DM2 dry run) holds up no ban. */
    @Test
    void aBanIsNotHeldUpByALongCatalogTransaction() throws Exception {
        String token = api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null)
                .expect(200).json().get("accessToken").asString();
        long id = api.get("/api/v1/me", token).expect(200).json().get("id").asLong();
        try (var longRunning = dataSource.getConnection()) {
            longRunning.setAutoCommit(false);
            try (var statement = longRunning.createStatement()) {
                // Moves the "catalog" counter and holds its row until the rollback below.
                statement.executeUpdate("UPDATE plans SET display_order = display_order WHERE FALSE");
            }
            CompletableFuture<Integer> ban = CompletableFuture.supplyAsync(() -> jdbc.sql(
                    "UPDATE customers SET banned = TRUE, ban_reason = 'test', banned_at = now() WHERE id = :id")
                    .param("id", id).update());
            assertThat(ban.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            api.get("/api/v1/catalog/plans", token).problem(403, "customer_banned");
            longRunning.rollback();
        }
    }
}
