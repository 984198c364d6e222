package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.Operators;

/** Reading the audit log back (SPEC §7, §10): filters, paging, and entries as recorded. */
class AuditLogIT extends IntegrationTest {

    private static final String AUDIT = "/api/v1/admin/audit";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    Api api;
    String admin;
    /** Unique per test, so entries written by other tests never match its filters. */
    String run;

    @BeforeEach
    void client() {
        api = new Api(port);
        admin = api.adminToken();
        run = "t" + System.nanoTime();
    }

    @Test
    void filtersByTheStartOfTheActionOrTheExactAction() {
        entry("alice", run + ".payment.refund", "payment", "1", Instant.now());
        entry("alice", run + ".payment.check", "payment", "2", Instant.now());
        entry("alice", run + ".paymentless", "payment", "3", Instant.now());
        entry("alice", run + "_key.extend", "key", "4", Instant.now());

        assertThat(actions(AUDIT + "?action=" + run + ".payment.")).containsExactly(run + ".payment.check",
                run + ".payment.refund");
        assertThat(actions(AUDIT + "?action=" + run + ".payment.refund")).containsExactly(run + ".payment.refund");
        assertThat(actions(AUDIT + "?action=" + run)).hasSize(4);
        assertThat(actions(AUDIT + "?action=" + run + "%25")).as("% is no wildcard").isEmpty();
        assertThat(actions(AUDIT + "?action=" + run + "_")).as("_ is no wildcard")
                .containsExactly(run + "_key.extend");
    }

    @Test
    void filtersByActorObjectAndTime() {
        Instant base = Instant.parse("2031-05-01T12:00:00Z");
        entry(run + "-anna", run + ".a", "host", "7", base);
        entry(run + "-anna", run + ".b", "plan", "7", base.plusSeconds(60));
        entry(run + "-boris", run + ".c", "host", "8", base.plusSeconds(120));

        assertThat(actions(AUDIT + "?actor=" + run + "-anna")).containsExactly(run + ".b", run + ".a");
        assertThat(actions(AUDIT + "?actor=" + run)).hasSize(3);
        assertThat(actions(AUDIT + "?action=" + run + "&objectType=host")).containsExactly(run + ".c", run + ".a");
        assertThat(actions(AUDIT + "?action=" + run + "&objectType=host&objectId=7")).containsExactly(run + ".a");
        assertThat(actions(AUDIT + "?actor=" + run + "&from=2031-05-01T12:01:00Z&to=2031-05-01T12:02:00Z"))
                .containsExactly(run + ".b");
        assertThat(actions(AUDIT + "?actor=" + run + "&from=2031-05-01T12:01:00Z")).containsExactly(run + ".c",
                run + ".b");
    }

    @Test
    void pagesWithACursorNewestFirstWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            entry("pager", run + ".page." + i, "thing", Integer.toString(i), Instant.now());
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(AUDIT + "?action=" + run + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    admin).expect(200).json();
            page.get("data").forEach(e -> seen.add(e.get("action").asString()));
            sizes.add(page.get("data").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactly(run + ".page.4", run + ".page.3", run + ".page.2", run + ".page.1",
                run + ".page.0");
    }

    @Test
    void entriesCarryBeforeAndAfterAsJsonWithTheRequestTheyCameFrom() {
        jdbc.sql("""
                INSERT INTO audit_log (actor_type, actor_id, actor_name, action, object_type, object_id,
                                       before_state, after_state, ip, request_id)
                VALUES ('STAFF', '1', 'admin', :action, 'promo_code', '9',
                        '{"active": true, "value": 10}', NULL, '203.0.113.7', 'req-1')""")
                .param("action", run + ".promo.update").update();

        JsonNode entry = api.get(AUDIT + "?action=" + run, admin).expect(200).json().get("data").get(0);

        assertThat(entry.get("id").asLong()).isPositive();
        assertThat(Instant.parse(entry.get("at").asString())).isBefore(Instant.now().plusSeconds(60));
        assertThat(entry.get("actorType").asString()).isEqualTo("STAFF");
        assertThat(entry.get("actorId").asString()).isEqualTo("1");
        assertThat(entry.get("objectType").asString()).isEqualTo("promo_code");
        assertThat(entry.get("objectId").asString()).isEqualTo("9");
        assertThat(entry.get("before").isObject()).isTrue();
        assertThat(entry.get("before").get("active").asBoolean()).isTrue();
        assertThat(entry.get("before").get("value").asInt()).isEqualTo(10);
        assertThat(entry.get("after").isNull()).isTrue();
        assertThat(entry.get("ip").asString()).isEqualTo("203.0.113.7");
        assertThat(entry.get("requestId").asString()).isEqualTo("req-1");
    }

    @Test
    void anAdminChangeIsReadBackWithItsActorAndRequest() {
        try {
            Api.Response response = api.put("/api/v1/admin/settings",
                    Map.of("values", Map.of("support.sla", "5h")), admin).expect(200);

            JsonNode entry = api.get(AUDIT + "?actor=admin&action=setting.&objectId=support.sla&limit=1", admin)
                    .expect(200).json().get("data").get(0);
            assertThat(entry.get("action").asString()).isEqualTo("setting.changed");
            assertThat(entry.get("actorType").asString()).isEqualTo("STAFF");
            assertThat(entry.get("actorName").asString()).isEqualTo("admin");
            assertThat(entry.get("after").get("value").asString()).isEqualTo("5h");
            assertThat(entry.get("ip").asString()).isNotBlank();
            assertThat(entry.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        } finally {
            api.put("/api/v1/admin/settings", Map.of("values", Map.of("support.sla", "")), admin).expect(200);
        }
    }

    @Test
    void badParametersAreRefusedAndOnlyAdminsMayRead() {
        api.get(AUDIT + "?limit=201", admin).problem(400, "validation_failed");
        api.get(AUDIT + "?limit=0", admin).problem(400, "validation_failed");
        api.get(AUDIT + "?cursor=abc", admin).problem(400, "validation_failed");
        api.get(AUDIT + "?from=yesterday", admin).expect(400);
        jdbc.sql("""
                INSERT INTO audit_log (actor_type, actor_name, action)
                SELECT 'SYSTEM', 'system', :action FROM generate_series(1, 51)""")
                .param("action", run + ".bulk").update();
        JsonNode firstPage = api.get(AUDIT + "?action=" + run, admin).expect(200).json();
        assertThat(firstPage.get("data").size()).as("50 by default").isEqualTo(50);
        assertThat(firstPage.get("nextCursor").isNull()).isFalse();

        String operator = Operators.signedIn(api, jdbc, passwords, "audit-op").token();
        api.get(AUDIT, operator).problem(403, "forbidden");
    }

    private void entry(String actor, String action, String objectType, String objectId, Instant at) {
        jdbc.sql("""
                INSERT INTO audit_log (actor_type, actor_name, action, object_type, object_id, created_at)
                VALUES ('STAFF', :actor, :action, :objectType, :objectId, :at)""")
                .param("actor", actor).param("action", action).param("objectType", objectType)
                .param("objectId", objectId).param("at", Timestamp.from(at)).update();
    }

    private List<String> actions(String path) {
        List<String> actions = new ArrayList<>();
        api.get(path, admin).expect(200).json().get("data").forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }
}
