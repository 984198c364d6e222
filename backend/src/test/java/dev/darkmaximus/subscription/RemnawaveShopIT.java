package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;
import dev.darkmaximus.testsupport.remnawave.FakeRemnawavePanel;
import dev.darkmaximus.testsupport.remnawave.RemnawaveRelease;

/**
 * A shop selling on a Remnawave panel beside its 3x-ui one (issue 22): the host set up from the panel's own squads,
 * keys on both panels provisioned through the outbox, the panel's subscription address as the key's link, sync with
 * drift, missing users, orphans and more users than one page, and revocation.
 */
class RemnawaveShopIT extends PanelBackedTest {

    private final FakeRemnawavePanel remnawave = new FakeRemnawavePanel(RemnawaveRelease.V3_3_2);

    @BeforeEach
    void startRemnawave() {
        remnawave.start();
    }

    @AfterEach
    void stopRemnawave() {
        remnawave.stop();
    }

    private Map<String, Object> remnawaveHost(String name) {
        Map<String, Object> host = new HashMap<>();
        host.put("name", name);
        host.put("panelType", "remnawave");
        host.put("baseUrl", remnawave.baseUrl());
        host.put("apiToken", FakeRemnawavePanel.TOKEN);
        host.put("squads", List.of(FakeRemnawavePanel.SQUAD_EU));
        host.put("forwardedHeaders", true);
        host.put("tlsVerify", true);
        host.put("enabled", true);
        host.put("countryCode", "DE");
        return host;
    }

    private long createRemnawaveHost() {
        return api.post("/api/v1/admin/hosts", remnawaveHost("RW " + DomainFixtures.unique("h")), shop.admin())
                .expect(201).json().get("id").asLong();
    }

    @Test
    void aRemnawaveHostIsSetUpFromThePanelsOwnSquads() {
        String admin = shop.admin();
        Map<String, Object> preview = Map.of("baseUrl", remnawave.baseUrl(), "apiToken", FakeRemnawavePanel.TOKEN,
                "forwardedHeaders", true);
        JsonNode squads = api.post("/api/v1/admin/hosts/squads", preview, admin).expect(200).json();
        assertThat(squads.findValuesAsString("name")).containsExactly("Europe", "USA");

        Map<String, Object> noToken = remnawaveHost("RW no token " + UUID.randomUUID());
        noToken.remove("apiToken");
        assertThat(api.post("/api/v1/admin/hosts", noToken, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("apiToken");
        Map<String, Object> noSquads = remnawaveHost("RW no squads " + UUID.randomUUID());
        noSquads.put("squads", List.of());
        assertThat(api.post("/api/v1/admin/hosts", noSquads, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("squads");
        Map<String, Object> unknownSquad = remnawaveHost("RW unknown " + UUID.randomUUID());
        unknownSquad.put("squads", List.of("11111111-2222-4333-8444-555555555555"));
        JsonNode unknown = api.post("/api/v1/admin/hosts", unknownSquad, admin).problem(400, "validation_failed");
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("squads");
        assertThat(unknown.get("errors").get(0).get("message").asString()).contains("is not on the panel");

        JsonNode host = api.post("/api/v1/admin/hosts", remnawaveHost("RW " + UUID.randomUUID()), admin).expect(201)
                .json();
        long id = host.get("id").asLong();
        assertThat(host.get("panelType").asString()).isEqualTo("remnawave");
        assertThat(host.get("apiTokenSet").asBoolean()).isTrue();
        assertThat(host.get("passwordSet").asBoolean()).isFalse();
        assertThat(host.get("squads").get(0).asString()).isEqualTo(FakeRemnawavePanel.SQUAD_EU);
        assertThat(host.get("revokeMode").asString()).isEqualTo("delete");
        assertThat(host.get("panelVersion").asString()).isEqualTo("3.3.2");

        JsonNode check = api.post("/api/v1/admin/hosts/" + id + "/check", "", admin).expect(200).json();
        assertThat(check.get("ok").asBoolean()).isTrue();
        assertThat(check.get("squads").asInt()).isEqualTo(2);
        assertThat(check.get("panelVersion").asString()).isEqualTo("3.3.2");
        assertThat(api.get("/api/v1/admin/hosts/" + id + "/squads", admin).expect(200).json()).hasSize(2);
        // The stored token serves a preview of changed settings.
        assertThat(api.post("/api/v1/admin/hosts/squads", Map.of("hostId", id, "baseUrl", remnawave.baseUrl(),
                "forwardedHeaders", true), admin).expect(200).json()).hasSize(2);
        api.get("/api/v1/admin/hosts/" + hostId + "/squads", admin).problem(409, "no_squads");
        // The stored token never goes to another address, whoever asks: it is write-only.
        assertThat(api.post("/api/v1/admin/hosts/squads", Map.of("hostId", id, "baseUrl", "https://attacker.example",
                "forwardedHeaders", true), admin).problem(400, "validation_failed").get("errors").get(0).get("field")
                .asString()).isEqualTo("apiToken");
        Map<String, Object> moved = remnawaveHost("RW moved " + UUID.randomUUID());
        moved.remove("apiToken");
        moved.put("baseUrl", "https://attacker.example");
        assertThat(api.put("/api/v1/admin/hosts/" + id, moved, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("apiToken");
        // An address the HTTP client can't call is a field error, not a 500.
        assertThat(api.post("/api/v1/admin/hosts/squads", Map.of("baseUrl", "http://panel.example/a b|c",
                "apiToken", "x"), admin).problem(400, "validation_failed").get("errors").get(0).get("field")
                .asString()).isEqualTo("baseUrl");

        // An update that doesn't send the Remnawave settings keeps them.
        Map<String, Object> rename = remnawaveHost("RW renamed " + UUID.randomUUID());
        rename.remove("apiToken");
        rename.remove("squads");
        rename.remove("forwardedHeaders");
        JsonNode renamed = api.put("/api/v1/admin/hosts/" + id, rename, admin).expect(200).json();
        assertThat(renamed.get("squads").get(0).asString()).isEqualTo(FakeRemnawavePanel.SQUAD_EU);
        assertThat(renamed.get("forwardedHeaders").asBoolean()).isTrue();

        Map<String, Object> xuiPlan = CatalogRequests.plan(hostId, "Squads", "visible");
        xuiPlan.put("squads", List.of(FakeRemnawavePanel.SQUAD_US));
        assertThat(api.post("/api/v1/admin/plans", xuiPlan, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("squads");
    }

    @Test
    void aMixedShopProvisionsOnBothPanelsThroughTheOutbox() throws Exception {
        long rwHost = createRemnawaveHost();
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(rwHost), Setting.ValueType.INT, "test");
        Purchases xuiShop = new Purchases(api, shop, port, hostId, settings);
        Map<String, Object> rwPlanRequest = CatalogRequests.plan(rwHost, "US month", "visible");
        rwPlanRequest.put("deviceLimit", 3);
        rwPlanRequest.put("squads", List.of(FakeRemnawavePanel.SQUAD_US));
        JsonNode rwPlan = api.post("/api/v1/admin/plans", rwPlanRequest, shop.admin()).expect(201).json();
        assertThat(rwPlan.get("squads").get(0).asString()).isEqualTo(FakeRemnawavePanel.SQUAD_US);

        // A trial on the Remnawave host, a paid key on the 3x-ui host, a paid key on a Remnawave plan.
        Shop.Customer first = shop.customer();
        long trialKey = api.post("/api/v1/me/trial", "", first.token()).expect(201).json().get("id").asLong();
        xuiShop.paidByCard(first);
        Shop.Customer second = shop.customer();
        JsonNode order = xuiShop.order(second, Map.of("kind", "NEW_KEY", "planId", rwPlan.get("id").asLong(),
                "method", "YOOKASSA"), UUID.randomUUID().toString());
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", order.get("amountMinor").asLong(), orderId);
        xuiShop.notify("payment.succeeded", paymentId, "succeeded", order.get("amountMinor").asLong(), orderId)
                .expect(200);
        long xuiKey = keyOn(first.id(), hostId);
        long paidRwKey = keyOn(second.id(), rwHost);
        // Only these keys' pushes: other tests' leftovers in the shared database point at panels long stopped.
        for (long key : List.of(trialKey, xuiKey, paidRwKey)) {
            outbox.run("key.push:" + key + ":");
        }
        assertThat(List.of(shop.status(trialKey), shop.status(xuiKey), shop.status(paidRwKey)))
                .containsOnly("ACTIVE");
        assertThat(text("SELECT connection_link FROM vpn_keys WHERE id = " + xuiKey)).startsWith("vless://");

        String trialUser = panelEmail(trialKey);
        JsonNode trialOnPanel = remnawave.user(trialUser).orElseThrow();
        assertThat(trialOnPanel.path("activeInternalSquads").get(0).path("uuid").asString())
                .isEqualTo(FakeRemnawavePanel.SQUAD_EU);
        JsonNode paidOnPanel = remnawave.user(panelEmail(paidRwKey)).orElseThrow();
        assertThat(paidOnPanel.path("activeInternalSquads").get(0).path("uuid").asString())
                .isEqualTo(FakeRemnawavePanel.SQUAD_US);
        assertThat(paidOnPanel.path("hwidDeviceLimit").asInt()).isEqualTo(3);
        assertThat(paidOnPanel.path("telegramId").asLong()).isEqualTo(second.telegramId());

        // The customer's key carries the panel's subscription address, and the key's page sends apps there.
        JsonNode mine = api.get("/api/v1/me/keys/" + trialKey, first.token()).expect(200).json();
        String panelUrl = trialOnPanel.path("subscriptionUrl").asString();
        assertThat(panelUrl).startsWith(FakeRemnawavePanel.SUB_DOMAIN);
        assertThat(mine.get("subscriptionUrl").asString()).isEqualTo(panelUrl);
        String subscriptionId = text("SELECT subscription_id FROM vpn_keys WHERE id = " + trialKey);
        HttpResponse<String> app = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/s/" + subscriptionId)).header("User-Agent", "v2rayNG/1.9.16")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(app.statusCode()).isEqualTo(302);
        assertThat(app.headers().firstValue("Location")).contains(panelUrl);

        // Extending a Remnawave key reaches the panel through the outbox, as on 3x-ui.
        api.post("/api/v1/admin/keys/" + paidRwKey + "/extend", Map.of("days", 10), shop.admin()).expect(200);
        outbox.run("key.push:" + paidRwKey + ":");
        assertThat(Instant.parse(remnawave.user(panelEmail(paidRwKey)).orElseThrow().path("expireAt").asString()))
                .isCloseTo(shop.expiresAt(paidRwKey), org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));

        // Revoked by an admin: the panel's user is gone.
        api.post("/api/v1/admin/keys/" + paidRwKey + "/revoke", "", shop.admin()).expect(200);
        assertThat(remnawave.user(panelEmail(paidRwKey))).isEmpty();
        assertThat(remnawave.user(trialUser)).isPresent();
    }

    @Test
    void syncReadsEveryPageTakesThePanelsStateAndDeletesNothing() {
        long rwHost = createRemnawaveHost();
        Shop.Customer customer = shop.customer();
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(rwHost), Setting.ValueType.INT, "test");
        long drifting = api.post("/api/v1/me/trial", "", customer.token()).expect(201).json().get("id").asLong();
        long vanishing = shop.activeKey(customer.id(), rwHost, null, Instant.now().plus(5, ChronoUnit.DAYS), "OFF");
        remnawave.addUser(Shop.email(vanishing), Instant.now().plus(5, ChronoUnit.DAYS));
        outbox.run("key.push:" + drifting + ":");
        remnawave.addUsers("stranger-", 620, Instant.now().plus(3, ChronoUnit.DAYS)); // orphans, past one page
        Instant panelExpiry = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        remnawave.setExpiry(panelEmail(drifting), panelExpiry);
        remnawave.usage(panelEmail(drifting), 7_000_000L, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        remnawave.remove(Shop.email(vanishing));
        String oldAddress = text("SELECT subscription_url FROM vpn_keys WHERE id = " + drifting);
        remnawave.revokeSubscription(panelEmail(drifting));
        int before = remnawave.userCount();

        JsonNode report = api.post("/api/v1/admin/hosts/" + rwHost + "/sync", "", shop.admin()).expect(200).json();

        assertThat(report.get("outcome").asString()).isEqualTo("ok");
        assertThat(report.get("panelClients").asInt()).isEqualTo(621);
        assertThat(report.get("keysUpdated").asInt()).isEqualTo(1);
        assertThat(report.get("keysMissing").asInt()).isEqualTo(1);
        assertThat(report.get("orphans").asInt()).isEqualTo(620);
        assertThat(shop.expiresAt(drifting)).isEqualTo(panelExpiry);
        assertThat(number("SELECT traffic_used_bytes FROM vpn_keys WHERE id = " + drifting))
                .isEqualTo(7_000_000L);
        // The operator revoked its subscription on the panel: the key follows to the panel's new address.
        String newAddress = remnawave.user(panelEmail(drifting)).orElseThrow().path("subscriptionUrl").asString();
        assertThat(newAddress).isNotEqualTo(oldAddress);
        assertThat(text("SELECT subscription_url FROM vpn_keys WHERE id = " + drifting)).isEqualTo(newAddress);
        assertThat(text("SELECT connection_link FROM vpn_keys WHERE id = " + drifting)).isEqualTo(newAddress);
        assertThat(remnawave.userCount()).isEqualTo(before); // sync deletes nothing
        assertThat(remnawave.requests("GET", "/api/users?")).isEqualTo(2);
    }

    private long keyOn(long customerId, long host) {
        return jdbc.sql("SELECT id FROM vpn_keys WHERE customer_id = :c AND host_id = :h AND NOT trial")
                .param("c", customerId).param("h", host).query(Long.class).single();
    }

    private String text(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }

    private long number(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String panelEmail(long keyId) {
        return text("SELECT panel_email FROM vpn_keys WHERE id = " + keyId);
    }
}
