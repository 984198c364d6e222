package dev.darkmaximus.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.notify.persistence.BroadcastStore;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * Broadcasts end to end: composed over the admin API, sent by the runner through the send queue to WireMock standing
 * in for the Bot API, with blocked customers, a restart in the middle, pause/resume and a node that died mid-send.
 */
class BroadcastIT extends PanelBackedTest {

    private static final String BOT = "/bot" + InitData.TEST_BOT_TOKEN;
    private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\":\"?(-?\\d+)");

    @Autowired
    BroadcastRunner runner;
    @Autowired
    BroadcastStore store;

    private final List<String> markers = new ArrayList<>();

    /** Other tests read the shared Bot API journal; 10,000 broadcast requests left in it would slow them all. */
    @AfterEach
    void forgetThisBroadcastsRequests() {
        for (String marker : markers) {
            TestTelegram.server().removeServeEventsMatching(postRequestedFor(urlMatching("(?i)" + BOT + "/sendMessage"))
                    .withRequestBody(containing(marker)).build());
        }
    }

    @Test
    void tenThousandCustomersWithThreePercentBlockedEachGetOneMessageAcrossARestart() {
        long first = TestIds.telegramIds(10_000);
        long group = shop.readers(first, 10_000);
        List<Long> blocked = LongStream.range(0, 10_000).filter(i -> i % 100 < 3).map(i -> first + i).boxed().toList();
        String marker = marker();
        stubTelegram(marker, blocked);

        JsonNode draft = api.post("/api/v1/admin/broadcasts", Map.of("text", "<b>New servers</b> " + marker,
                        "buttons", List.of(Map.of("text", "Open", "url", "https://t.me/shop_bot?start=promo_NEW")),
                        "audience", Map.of("kind", "GROUP", "groupId", group)), shop.admin()).expect(201).json();
        long id = draft.path("id").asLong();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("progress").path("total").asLong()).isEqualTo(10_000);
        assertThat(api.post("/api/v1/admin/broadcasts/audience-count", Map.of("kind", "GROUP", "groupId", group),
                shop.admin()).expect(200).json().path("count").asLong()).isEqualTo(10_000);

        api.post("/api/v1/admin/broadcasts/" + id + "/schedule", Map.of(), shop.admin()).expect(200);
        assertThat(runner.runAtMost(4_000)).isEqualTo(4_000); // then the node stops between two batches

        JsonNode halfway = progress(id);
        assertThat(halfway.path("status").asString()).isEqualTo("RUNNING");
        assertThat(halfway.path("progress").path("total").asLong()).isEqualTo(10_000);
        assertThat(halfway.path("progress").path("sent").asLong()).isEqualTo(3_880);
        assertThat(halfway.path("progress").path("blocked").asLong()).isEqualTo(120);
        assertThat(halfway.path("progress").path("pending").asLong()).isEqualTo(6_000);

        runner.runOnce(); // after the restart

        JsonNode done = progress(id);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("progress").path("sent").asLong()).isEqualTo(9_700);
        assertThat(done.path("progress").path("blocked").asLong()).isEqualTo(300);
        assertThat(done.path("progress").path("failed").asLong()).isZero();
        assertThat(done.path("progress").path("pending").asLong()).isZero();

        Map<Long, Long> perChat = deliveries(marker);
        assertThat(perChat).hasSize(10_000);
        assertThat(perChat.values()).allMatch(n -> n == 1L);
        JsonNode blockedPage = api.get("/api/v1/admin/broadcasts/" + id + "/recipients?status=BLOCKED&limit=500",
                shop.admin()).expect(200).json();
        assertThat(blockedPage).hasSize(300).allSatisfy(r -> assertThat(r.path("error").asString())
                .contains("blocked by the user"));
        assertThat(count("SELECT count(*) FROM customers WHERE telegram_id BETWEEN ? AND ? AND NOT reachable",
                first, first + 9_999)).isEqualTo(300);
        assertThat(api.post("/api/v1/admin/broadcasts/audience-count", Map.of("kind", "GROUP", "groupId", group),
                shop.admin()).expect(200).json().path("count").asLong()).as("blocked are left out next time")
                .isEqualTo(9_700);
        assertThat(count("SELECT count(*) FROM audit_log WHERE object_type = 'broadcast' AND object_id = ?",
                Long.toString(id))).isEqualTo(2);
    }

    @Test
    void aPausedBroadcastSendsNothingUntilResumedAndACanceledOneNothingMore() {
        long first = TestIds.telegramIds(50);
        long group = shop.readers(first, 50);
        String marker = marker();
        stubTelegram(marker, List.of());
        long id = create(marker, group);
        api.post("/api/v1/admin/broadcasts/" + id + "/schedule", Map.of(), shop.admin()).expect(200);
        runner.runAtMost(20);

        api.post("/api/v1/admin/broadcasts/" + id + "/pause", Map.of(), shop.admin()).expect(200);
        assertThat(runner.runOnce()).isZero();
        assertThat(deliveries(marker)).hasSize(20);
        api.put("/api/v1/admin/broadcasts/" + id, Map.of("text", "changed"), shop.admin())
                .problem(409, "broadcast_state");

        api.post("/api/v1/admin/broadcasts/" + id + "/resume", Map.of(), shop.admin()).expect(200);
        runner.runOnce();
        assertThat(progress(id).path("status").asString()).isEqualTo("DONE");
        assertThat(deliveries(marker)).hasSize(50).allSatisfy((chat, n) -> assertThat(n).isEqualTo(1L));
        api.post("/api/v1/admin/broadcasts/" + id + "/cancel", Map.of(), shop.admin()).problem(409, "broadcast_state");
    }

    @Test
    void claimsLeftByANodeThatDiedMidSendAreInterruptedNotSentAgainUntilAnAdminResends() {
        long first = TestIds.telegramIds(10);
        long group = shop.readers(first, 10);
        String marker = marker();
        stubTelegram(marker, List.of());
        long id = create(marker, group);
        api.post("/api/v1/admin/broadcasts/" + id + "/schedule", Map.of(), shop.admin()).expect(200);
        runner.runAtMost(0); // starts it: the recipient list is fixed
        List<BroadcastStore.Recipient> lost = store.claim(id, 3, Instant.now());
        jdbc.sql("UPDATE broadcast_recipients SET claimed_at = now() - interval '31 seconds' WHERE broadcast_id = :id "
                + "AND status = 'SENDING'").param("id", id).update();
        api.post("/api/v1/admin/broadcasts/" + id + "/resend-interrupted", Map.of(), shop.admin())
                .problem(409, "nothing_to_resend");

        runner.runOnce();

        JsonNode done = progress(id);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("progress").path("sent").asLong()).isEqualTo(7);
        assertThat(done.path("progress").path("interrupted").asLong()).isEqualTo(3);
        assertThat(done.path("progress").path("failed").asLong()).isZero();
        Long[] lostChats = lost.stream().map(BroadcastStore.Recipient::telegramId).toArray(Long[]::new);
        assertThat(deliveries(marker)).hasSize(7).doesNotContainKeys(lostChats);
        assertThat(api.get("/api/v1/admin/broadcasts/" + id + "/recipients?status=INTERRUPTED", shop.admin())
                .expect(200).json()).hasSize(3).allSatisfy(r -> assertThat(r.path("error").asString())
                .contains("may or may not have arrived"));

        // The admin decides they should get it: only they are sent to, and the broadcast finishes again.
        JsonNode reopened = api.post("/api/v1/admin/broadcasts/" + id + "/resend-interrupted", Map.of(), shop.admin())
                .expect(200).json();
        assertThat(reopened.path("status").asString()).isEqualTo("RUNNING");
        assertThat(reopened.path("progress").path("pending").asLong()).isEqualTo(3);
        runner.runOnce();
        assertThat(progress(id).path("status").asString()).isEqualTo("DONE");
        assertThat(progress(id).path("progress").path("sent").asLong()).isEqualTo(10);
        assertThat(deliveries(marker)).hasSize(10).containsKeys(lostChats).allSatisfy((chat, n) ->
                assertThat(n).isEqualTo(1L));
        assertThat(count("SELECT count(*) FROM audit_log WHERE object_type = 'broadcast' AND object_id = ? "
                + "AND action = 'broadcast.resend_interrupted'", Long.toString(id))).isEqualTo(1);
    }

    @Test
    void anotherNodeTakesOverWithinALeaseWhenTheSendingNodeDies() {
        long first = TestIds.telegramIds(20);
        long group = shop.readers(first, 20);
        String marker = marker();
        stubTelegram(marker, List.of());
        long id = create(marker, group);
        api.post("/api/v1/admin/broadcasts/" + id + "/schedule", Map.of(), shop.admin()).expect(200);
        runner.runAtMost(0);
        // "node-b" claimed a batch and renewed its lease for 30 s, then died.
        store.claim(id, 5, Instant.now());
        jdbc.sql("INSERT INTO job_leases (name, holder, lease_until) VALUES ('broadcasts', 'node-b', now() + "
                + "interval '20 seconds') ON CONFLICT (name) DO UPDATE SET holder = 'node-b', lease_until = "
                + "EXCLUDED.lease_until").update();

        assertThat(runner.runTurn()).as("while node-b's lease runs, it is the one sending").isFalse();
        assertThat(deliveries(marker)).isEmpty();

        // 31 s later its lease has run out and its claims are older than a lease.
        jdbc.sql("UPDATE job_leases SET lease_until = now() - interval '1 second' WHERE name = 'broadcasts'").update();
        jdbc.sql("UPDATE broadcast_recipients SET claimed_at = now() - interval '31 seconds' WHERE broadcast_id = :id "
                + "AND status = 'SENDING'").param("id", id).update();
        assertThat(runner.runTurn()).isTrue();

        JsonNode done = progress(id);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("progress").path("sent").asLong()).isEqualTo(15);
        assertThat(done.path("progress").path("interrupted").asLong()).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM job_leases WHERE name = 'broadcasts'")).isZero();
    }

    @Test
    void badInputIsNamedAndAPreviewGoesToTheAdminsOwnTelegram() {
        api.post("/api/v1/admin/broadcasts", Map.of("text", " "), shop.admin()).problem(400, "validation_failed");
        JsonNode problem = api.post("/api/v1/admin/broadcasts", Map.of("text", "hi",
                "buttons", List.of(Map.of("text", "x", "url", "http://insecure.example"))), shop.admin()).json();
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("buttons[0].url");
        JsonNode noDays = api.post("/api/v1/admin/broadcasts", Map.of("text", "hi",
                "audience", Map.of("kind", "EXPIRED_KEYS")), shop.admin()).json();
        assertThat(noDays.path("errors").get(0).path("field").asString()).isEqualTo("audience.days");

        String marker = marker();
        long adminChat = TestIds.telegramId();
        stubTelegram(marker, List.of());
        long id = create(marker, shop.readers(TestIds.telegramIds(1), 1));
        jdbc.sql("UPDATE staff SET telegram_id = NULL WHERE username = 'admin'").update();
        api.post("/api/v1/admin/broadcasts/" + id + "/preview", Map.of(), shop.admin())
                .problem(409, "telegram_not_linked");
        jdbc.sql("UPDATE staff SET telegram_id = :t WHERE username = 'admin'").param("t", adminChat).update();
        try {
            api.post("/api/v1/admin/broadcasts/" + id + "/preview", Map.of(), shop.admin()).expect(204);
            assertThat(deliveries(marker)).containsOnlyKeys(adminChat);
            assertThat(progress(id).path("status").asString()).isEqualTo("DRAFT");
        } finally {
            jdbc.sql("UPDATE staff SET telegram_id = NULL WHERE username = 'admin'").update();
        }
    }

    private long create(String marker, long group) {
        return api.post("/api/v1/admin/broadcasts", Map.of("text", "Hello " + marker,
                "audience", Map.of("kind", "GROUP", "groupId", group)), shop.admin()).expect(201).json().path("id").asLong();
    }

    private JsonNode progress(long id) {
        return api.get("/api/v1/admin/broadcasts/" + id, shop.admin()).expect(200).json();
    }

    /** {@code count} customers with consecutive Telegram ids from {@code first}, all in a new group. */
    private String marker() {
        String marker = "bc-" + UUID.randomUUID();
        markers.add(marker);
        return marker;
    }

    /** Answers this broadcast's messages first (priority), so the many per-chat stubs of other tests aren't scanned. */
    private static void stubTelegram(String marker, List<Long> blocked) {
        if (!blocked.isEmpty()) {
            String ids = blocked.stream().map(String::valueOf).collect(Collectors.joining("|"));
            TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/sendMessage")).atPriority(1)
                    .withRequestBody(containing(marker))
                    .withRequestBody(matching("(?s).*\"chat_id\":\"?(" + ids + ")\"?[,}].*"))
                    .willReturn(WireMock.aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                            .withBody("{\"ok\":false,\"error_code\":403,"
                                    + "\"description\":\"Forbidden: bot was blocked by the user\"}")));
        }
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/sendMessage")).atPriority(2)
                .withRequestBody(containing(marker))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1764000000,"
                        + "\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
    }

    /** How many times each chat was sent this broadcast's message. */
    private static Map<Long, Long> deliveries(String marker) {
        Map<Long, Long> perChat = new HashMap<>();
        for (LoggedRequest request : TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BOT
                + "/sendMessage")).withRequestBody(containing(marker)))) {
            Matcher chat = CHAT_ID.matcher(request.getBodyAsString());
            assertThat(chat.find()).isTrue();
            perChat.merge(Long.parseLong(chat.group(1)), 1L, Long::sum);
        }
        return perChat;
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }
}
