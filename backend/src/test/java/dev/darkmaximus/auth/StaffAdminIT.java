package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestIds;

class StaffAdminIT extends IntegrationTest {

    private static final String PASSWORD = "operator-password-1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StaffAdminService staffAdmin;

    Api api;
    String admin;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        admin = api.adminToken();
    }

    private static String uniqueLogin(String prefix) {
        return prefix + "." + System.nanoTime();
    }

    private JsonNode create(String username, String role) {
        return api.post("/api/v1/admin/staff",
                Map.of("username", username, "password", PASSWORD, "role", role), admin).expect(201).json();
    }

    /** Each sign-in from a fresh client address, so the strict sign-in budget never gets in the way. */
    private Api.Response login(String username, String password) {
        return new Api(port).post("/api/v1/auth/admin/login", Map.of("username", username, "password", password), null);
    }

    private Api.Response login(String username, String password, String totp) {
        return new Api(port).post("/api/v1/auth/admin/login",
                Map.of("username", username, "password", password, "totp", totp), null);
    }

    private static Map<String, Object> access(String role, boolean active, Long telegramId) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("active", active);
        body.put("telegramId", telegramId);
        return body;
    }

    @Test
    void anOperatorCreatedByAnAdminSignsInWithOperatorRightsOnly() {
        String username = uniqueLogin("op");
        JsonNode created = create(username, "operator");

        assertThat(created.get("username").asString()).isEqualTo(username);
        assertThat(created.get("role").asString()).isEqualTo("operator");
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("totpEnabled").asBoolean()).isFalse();
        assertThat(created.toString()).doesNotContain(PASSWORD).doesNotContain("passwordHash");
        String operator = login(username, PASSWORD).expect(200).json().get("accessToken").asString();
        api.get("/api/v1/admin/staff", operator).problem(403, "forbidden");
        api.post("/api/v1/admin/staff", Map.of("username", uniqueLogin("x"), "password", PASSWORD, "role", "admin"),
                operator).problem(403, "forbidden");
        api.get("/api/v1/admin/customers", operator).expect(200);
        JsonNode me = api.get("/api/v1/admin/me", operator).expect(200).json();
        assertThat(me.get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(me.get("role").asString()).isEqualTo("operator");
        assertThat(api.get("/api/v1/admin/staff", admin).expect(200).json().valueStream()
                .map(s -> s.get("username").asString())).contains(username, "admin");
    }

    @Test
    void createRefusesTakenLoginsAndBadInput() {
        String username = uniqueLogin("dup");
        create(username, "operator");

        JsonNode taken = api.post("/api/v1/admin/staff",
                Map.of("username", username.toUpperCase(), "password", PASSWORD, "role", "operator"), admin)
                .problem(409, "username_taken");
        assertThat(taken.get("errors").get(0).get("field").asString()).isEqualTo("username");
        JsonNode invalid = api.post("/api/v1/admin/staff",
                Map.of("username", "a b", "password", "short", "role", "operator"), admin)
                .problem(400, "validation_failed");
        assertThat(invalid.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("username", "password");
        api.post("/api/v1/admin/staff", Map.of("username", uniqueLogin("c"), "password", PASSWORD, "role", "customer"),
                admin).problem(400, "validation_failed");
    }

    @Test
    void aDeactivatedAccountCanNeitherSignInNorRenew() {
        String username = uniqueLogin("leaver");
        long telegramId = TestIds.telegramId();
        long id = create(username, "operator").get("id").asLong();
        JsonNode session = login(username, PASSWORD).expect(200).json();
        String refresh = session.get("refreshToken").asString();
        String access = session.get("accessToken").asString();
        api.get("/api/v1/admin/tickets", access).expect(200);

        JsonNode changed = api.put("/api/v1/admin/staff/" + id, access("operator", false, telegramId), admin)
                .expect(200).json();

        assertThat(changed.get("active").asBoolean()).isFalse();
        assertThat(changed.get("telegramId").asLong()).isEqualTo(telegramId);
        login(username, PASSWORD).problem(401, "invalid_credentials");
        api.get("/api/v1/admin/tickets", access).problem(401, "account_disabled");
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh), null).problem(401, "invalid_refresh_token");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'staff.update' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTelegramAccountBelongsToOneStaffMember() {
        long telegramId = TestIds.telegramId();
        long first = create(uniqueLogin("tg1"), "operator").get("id").asLong();
        long second = create(uniqueLogin("tg2"), "operator").get("id").asLong();
        api.put("/api/v1/admin/staff/" + first, access("operator", true, telegramId), admin).expect(200);

        api.put("/api/v1/admin/staff/" + second, access("operator", true, telegramId), admin)
                .problem(409, "telegram_id_taken");
        api.put("/api/v1/admin/staff/" + first, access("operator", true, telegramId), admin).expect(200);
    }

    @Test
    void adminsCannotDemoteOrDeactivateThemselves() {
        String username = uniqueLogin("admin2");
        long id = create(username, "admin").get("id").asLong();
        String secondAdmin = login(username, PASSWORD).expect(200).json().get("accessToken").asString();

        api.put("/api/v1/admin/staff/" + id, access("operator", true, null), secondAdmin)
                .problem(409, "cannot_demote_self");
        api.put("/api/v1/admin/staff/" + id, access("admin", false, null), secondAdmin)
                .problem(409, "cannot_demote_self");
        api.get("/api/v1/admin/staff", secondAdmin).expect(200);

        JsonNode demoted = api.put("/api/v1/admin/staff/" + id, access("operator", true, null), admin).expect(200).json();
        assertThat(demoted.get("role").asString()).isEqualTo("operator");
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        long id = create(uniqueLogin("lastadmin"), "admin").get("id").asLong();

        // The shared database always has the bootstrap admin; make this one the only active admin in a transaction
        // that is rolled back, so no other test ever sees the change.
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE staff SET active = FALSE WHERE role = 'ADMIN' AND id <> :id").param("id", id).update();
            for (StaffAccess change : List.of(new StaffAccess(Role.OPERATOR, true, null),
                    new StaffAccess(Role.ADMIN, false, null))) {
                assertThatThrownBy(() -> staffAdmin.update(id, change, null))
                        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("last_admin"));
            }
            tx.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT role FROM staff WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ADMIN");
        api.get("/api/v1/admin/staff", admin).expect(200);
    }

    @Test
    void adminsUnlockAccountsAndResetPasswords() {
        String username = uniqueLogin("forgetful");
        long id = create(username, "operator").get("id").asLong();
        String refresh = login(username, PASSWORD).expect(200).json().get("refreshToken").asString();
        Api guesser = new Api(port);
        Map<String, String> wrong = Map.of("username", username, "password", "wrong-password");
        guesser.post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        guesser.post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        guesser.post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        login(username, PASSWORD).problem(401, "invalid_credentials"); // locked, said like any wrong login

        JsonNode unlocked = api.post("/api/v1/admin/staff/" + id + "/unlock", Map.of(), admin).expect(200).json();
        assertThat(unlocked.get("lockedUntil").isNull()).isTrue();
        login(username, PASSWORD).expect(200);

        api.post("/api/v1/admin/staff/" + id + "/password", Map.of("password", "short"), admin)
                .problem(400, "validation_failed");
        api.post("/api/v1/admin/staff/" + id + "/password", Map.of("password", "a-brand-new-password"), admin)
                .expect(204);
        login(username, PASSWORD).problem(401, "invalid_credentials");
        login(username, "a-brand-new-password").expect(200);
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh), null).problem(401, "invalid_refresh_token");
        api.post("/api/v1/admin/staff/999999999/unlock", Map.of(), admin).problem(404, "not_found");
    }

    @Test
    void totpEnrolmentConfirmationSignInAndReplay() {
        String username = uniqueLogin("twofactor");
        long id = create(username, "operator").get("id").asLong();
        String operator = login(username, PASSWORD).expect(200).json().get("accessToken").asString();

        JsonNode enrolment = api.post("/api/v1/admin/me/totp", Map.of(), operator).expect(201).json();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).isEqualTo(
                "otpauth://totp/DarkMaximus:" + username + "?secret=" + secret + "&issuer=DarkMaximus");
        String stored = jdbc.sql("SELECT totp_secret_enc FROM staff WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        login(username, PASSWORD).expect(200); // pending: not asked yet

        long step = Totp.stepAt(clock.instant());
        JsonNode wrong = api.post("/api/v1/admin/me/totp/confirm", Map.of("code", wrongCode(secret, step)), operator)
                .problem(400, "validation_failed");
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("code");
        JsonNode confirmed = api.post("/api/v1/admin/me/totp/confirm", Map.of("code", Totp.code(secret, step)),
                operator).expect(200).json();
        assertThat(confirmed.get("totpEnabled").asBoolean()).isTrue();
        api.post("/api/v1/admin/me/totp", Map.of(), operator).problem(409, "totp_already_enabled");

        login(username, PASSWORD).problem(401, "totp_required");
        login(username, "wrong-password", Totp.code(secret, step + 1)).problem(401, "invalid_credentials");
        assertThat(failedAttempts(id)).isEqualTo(1);
        String next = Totp.code(secret, step + 1);
        login(username, PASSWORD, next).expect(200);
        assertThat(failedAttempts(id)).isZero();
        login(username, PASSWORD, next).problem(401, "invalid_totp");
        login(username, PASSWORD, Totp.code(secret, step)).problem(401, "invalid_totp");
        assertThat(failedAttempts(id)).isEqualTo(2);
        assertThat(api.get("/api/v1/admin/staff/" + id, admin).expect(200).json().get("totpEnabled").asBoolean())
                .isTrue();

        api.delete("/api/v1/admin/staff/" + id + "/totp", admin).expect(200);
        login(username, PASSWORD).expect(200);
        assertNoSecretsAudited(id, secret);
    }

    @Test
    void ownTotpIsTurnedOffOnlyWithACurrentCode() {
        String username = uniqueLogin("twofactor.off");
        long id = create(username, "operator").get("id").asLong();
        String operator = login(username, PASSWORD).expect(200).json().get("accessToken").asString();
        api.delete("/api/v1/admin/me/totp", Map.of("code", "123456"), operator).problem(409, "totp_not_enabled");
        api.post("/api/v1/admin/me/totp/confirm", Map.of("code", "123456"), operator).problem(409, "totp_not_started");
        String secret = api.post("/api/v1/admin/me/totp", Map.of(), operator).expect(201).json().get("secret").asString();
        long step = Totp.stepAt(clock.instant());
        api.post("/api/v1/admin/me/totp/confirm", Map.of("code", Totp.code(secret, step)), operator).expect(200);

        api.delete("/api/v1/admin/me/totp", Map.of("code", wrongCode(secret, step)), operator)
                .problem(400, "validation_failed");
        api.delete("/api/v1/admin/me/totp", Map.of("code", Totp.code(secret, step)), operator)
                .problem(400, "validation_failed"); // already spent on the confirmation
        JsonNode off = api.delete("/api/v1/admin/me/totp", Map.of("code", Totp.code(secret, step + 1)), operator)
                .expect(200).json();

        assertThat(off.get("totpEnabled").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT totp_secret_enc IS NULL FROM staff WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        login(username, PASSWORD).expect(200);
        assertNoSecretsAudited(id, secret);
    }

    private int failedAttempts(long id) {
        return jdbc.sql("SELECT failed_attempts FROM staff WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    /** A code no step near now produces. */
    private static String wrongCode(String secret, long step) {
        Set<String> near = Set.of(Totp.code(secret, step - 1), Totp.code(secret, step), Totp.code(secret, step + 1),
                Totp.code(secret, step + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!near.contains(code)) {
                return code;
            }
        }
    }

    private void assertNoSecretsAudited(long id, String totpSecret) {
        List<String> states = jdbc.sql("""
                SELECT coalesce(before_state::text, '') || coalesce(after_state::text, '') FROM audit_log
                WHERE object_type = 'staff' AND object_id = :id""").param("id", Long.toString(id))
                .query(String.class).list();
        String hash = jdbc.sql("SELECT password_hash FROM staff WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(states).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("\n", states)).doesNotContain(PASSWORD).doesNotContain(hash).doesNotContain(totpSecret)
                .doesNotContain("v1:").doesNotContainIgnoringCase("password");
    }
}
