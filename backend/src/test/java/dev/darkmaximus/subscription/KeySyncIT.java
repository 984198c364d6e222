package dev.darkmaximus.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/** Sync takes the panel's state, flags what the panel lacks, lists what only the panel has, and deletes nothing. */
class KeySyncIT extends PanelBackedTest {

    private static Map<String, Object> client(String email, Instant expiry, boolean enabled, long totalBytes) {
        return Map.of("id", UUID.randomUUID().toString(), "email", email, "expiryTime", expiry.toEpochMilli(),
                "enable", enabled, "totalGB", totalBytes, "subId", "x", "flow", "", "limitIp", 0);
    }

    @Test
    void driftIsRepairedFromThePanelMissingKeysFlaggedAndOrphansOnlyReported() {
        Shop.Customer customer = shop.customer();
        Instant ours = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant panels = ours.plus(20, ChronoUnit.DAYS);
        long drifted = shop.activeKey(customer.id(), hostId, null, ours, "INHERIT");
        long matching = shop.activeKey(customer.id(), hostId, null, ours, "INHERIT");
        long switchedOff = shop.activeKey(customer.id(), hostId, null, ours, "INHERIT");
        long missing = shop.activeKey(customer.id(), hostId, null, ours, "INHERIT");
        panel.listsClients(List.of(
                client(Shop.email(drifted), panels, true, 10_737_418_240L),
                client(Shop.email(matching), ours, true, 0),
                client(Shop.email(switchedOff), ours, false, 0),
                client("stranger@example", ours, true, 0)));

        JsonNode report = api.post("/api/v1/admin/hosts/" + hostId + "/sync", "", shop.admin()).expect(200).json();

        assertThat(report.get("outcome").asString()).isEqualTo("ok");
        assertThat(report.get("panelClients").asInt()).isEqualTo(4);
        assertThat(report.get("keysChecked").asInt()).isEqualTo(4);
        assertThat(report.get("keysUpdated").asInt()).isEqualTo(2);
        assertThat(report.get("keysMissing").asInt()).isEqualTo(1);
        assertThat(report.get("orphans").asInt()).isEqualTo(1);
        assertThat(report.get("details").get("orphanClients").get(0).get("email").asString()).isEqualTo("stranger@example");
        assertThat(report.get("details").get("missing").get(0).get("keyId").asLong()).isEqualTo(missing);

        JsonNode repaired = api.get("/api/v1/admin/keys/" + drifted, shop.admin()).expect(200).json();
        assertThat(Instant.parse(repaired.get("expiresAt").asString())).isEqualTo(panels);
        assertThat(repaired.get("trafficLimitBytes").asLong()).isEqualTo(10_737_418_240L);
        assertThat(repaired.get("trafficUsedBytes").asLong()).isEqualTo(500);
        JsonNode off = api.get("/api/v1/admin/keys/" + switchedOff, shop.admin()).expect(200).json();
        assertThat(off.get("status").asString()).isEqualTo("disabled");
        assertThat(off.get("enabled").asBoolean()).isFalse();
        JsonNode flagged = api.get("/api/v1/admin/keys/" + missing, shop.admin()).expect(200).json();
        assertThat(flagged.get("panelMissingSince").isNull()).isFalse();
        assertThat(flagged.get("status").asString()).isEqualTo("active");

        panel.server().verify(0, anyRequestedFor(urlPathMatching(".*/del.*")));
        JsonNode reports = api.get("/api/v1/admin/hosts/" + hostId + "/sync-reports", shop.admin()).expect(200).json();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("trigger").asString()).isEqualTo("manual");
    }

    @Test
    void anAdminDeletesAnOrphanButNotTheClientOfALiveKey() {
        Shop.Customer customer = shop.customer();
        long keyId = shop.activeKey(customer.id(), hostId, null, Instant.now().plus(3, ChronoUnit.DAYS), "INHERIT");
        panel.hasClient("stray-client", "0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10", "s", 0, true, 0, 0);

        api.post("/api/v1/admin/hosts/" + hostId + "/orphans/delete", Map.of("email", Shop.email(keyId)), shop.admin())
                .problem(409, "not_an_orphan");
        api.post("/api/v1/admin/hosts/" + hostId + "/orphans/delete", Map.of("email", "stray-client"), shop.admin())
                .expect(204);

        panel.server().verify(1, WireMock.postRequestedFor(
                WireMock.urlEqualTo(
                        "/secret/panel/api/inbounds/1/delClientByEmail/stray-client")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'panel.orphan_delete' AND object_id = :h")
                .param("h", Long.toString(hostId)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aKeyWhoseChangeIsStillQueuedKeepsTheShopsNewerState() {
        Shop.Customer customer = shop.customer();
        Instant ours = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, null, ours, "INHERIT");
        JsonNode extended = api.post("/api/v1/admin/keys/" + keyId + "/extend", Map.of("days", 30), shop.admin())
                .expect(200).json(); // queued for the panel, not pushed yet
        panel.listsClients(List.of(client(Shop.email(keyId), ours, true, 0)));

        JsonNode report = api.post("/api/v1/admin/hosts/" + hostId + "/sync", "", shop.admin()).expect(200).json();

        assertThat(report.get("keysUpdated").asInt()).isZero();
        assertThat(api.get("/api/v1/admin/keys/" + keyId, shop.admin()).expect(200).json().get("expiresAt").asString())
                .isEqualTo(extended.get("expiresAt").asString());
    }

    @Test
    void aPanelThatCannotBeReadGivesAFailedReportAndChangesNothing() {
        Shop.Customer customer = shop.customer();
        long keyId = shop.activeKey(customer.id(), hostId, null, Instant.now().plus(3, ChronoUnit.DAYS), "INHERIT");
        panel.down();

        JsonNode report = api.post("/api/v1/admin/hosts/" + hostId + "/sync", "", shop.admin()).expect(200).json();

        assertThat(report.get("outcome").asString()).isEqualTo("failed");
        assertThat(report.get("error").asString()).isNotBlank();
        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        api.post("/api/v1/admin/keys/" + keyId + "/resync", "", shop.admin()).problem(502, "panel_unavailable");
    }

    @Test
    void anAdminResyncsOneKey() {
        Shop.Customer customer = shop.customer();
        Instant ours = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, null, ours, "INHERIT");
        Instant panels = ours.plus(1, ChronoUnit.DAYS);
        panel.hasClient(Shop.email(keyId), "0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10", "s", panels.toEpochMilli(), true, 0,
                2048);

        JsonNode outcome = api.post("/api/v1/admin/keys/" + keyId + "/resync", "", shop.admin()).expect(200).json();

        assertThat(outcome.get("changes").has("expiresAt")).isTrue();
        assertThat(outcome.get("missingOnPanel").asBoolean()).isFalse();
        assertThat(Instant.parse(outcome.get("key").get("expiresAt").asString())).isEqualTo(panels);
        assertThat(outcome.get("key").get("trafficUsedBytes").asLong()).isEqualTo(2048);
    }
}
