package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.subscription.ProvisioningWatch;
import dev.darkmaximus.testsupport.OutboxDriver;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/**
 * No silent waiting (issue: panels people run): a host whose panel is down leaves the storefront within one health
 * check and comes back after the next good one; a key still being prepared past the threshold tells its customer and
 * the admins once; retrying pushes are visible to operators with their attempts and last error.
 */
class PanelOutageIT extends PanelBackedTest {

    @Autowired
    PanelWatch watch;
    @Autowired
    OutboxWorker worker;
    @Autowired
    ProvisioningWatch provisioning;

    @AfterEach
    void resetSettings() {
        settings.put(ShopSettings.SELL_WHILE_PANEL_DOWN, "false", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.TRIAL_HOST_ID, "", Setting.ValueType.INT, "test");
    }

    private List<Long> hostsOnSale(String token) {
        return api.get("/api/v1/catalog/hosts", token).expect(200).json().valueStream()
                .map(h -> h.get("id").asLong()).toList();
    }

    @Test
    void aHostWhosePanelIsDownIsOffSaleUntilItAnswersAgain() {
        shop.plan(hostId, "visible");
        Shop.Customer customer = shop.customer();
        assertThat(hostsOnSale(customer.token())).contains(hostId);
        assertThat(api.get("/api/v1/admin/hosts/" + hostId, shop.admin()).json().get("panelVersion").asString())
                .isEqualTo("2.9.4");

        panel.down();
        watch.check(hostId);

        assertThat(hostsOnSale(customer.token())).doesNotContain(hostId);
        assertThat(hostsOnSale(null)).doesNotContain(hostId);
        JsonNode host = api.get("/api/v1/admin/hosts/" + hostId, shop.admin()).json();
        assertThat(host.get("panelDown").asBoolean()).isTrue();
        long planId = jdbc.sql("SELECT id FROM plans WHERE host_id = :h").param("h", hostId).query(Long.class).single();
        String refused = api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", planId,
                "method", "YOOKASSA"), customer.token(), Map.of("Idempotency-Key", "outage-" + planId))
                .expect(400).body();
        assertThat(refused).contains("plan_not_offered");

        settings.put(ShopSettings.SELL_WHILE_PANEL_DOWN, "true", Setting.ValueType.BOOL, "test");
        JsonNode delayed = api.get("/api/v1/catalog/hosts", customer.token()).expect(200).json().valueStream()
                .filter(h -> h.get("id").asLong() == hostId).findFirst().orElseThrow();
        assertThat(delayed.get("keysMayBeDelayed").asBoolean()).isTrue();
        settings.put(ShopSettings.SELL_WHILE_PANEL_DOWN, "false", Setting.ValueType.BOOL, "test");

        panel.recover();
        watch.check(hostId);

        assertThat(hostsOnSale(customer.token())).contains(hostId);
        assertThat(api.get("/api/v1/admin/hosts/" + hostId,
                shop.admin()).json().get("panelDown").asBoolean()).isFalse();
    }

    @Test
    void aKeyStillPreparingPastTheThresholdTellsItsCustomerAndTheAdminsOnceAndShowsAsRetrying() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.ADMIN_CHAT_ID, "-100777", Setting.ValueType.STRING, "test");
        Shop.Customer customer = shop.customer();
        long keyId = api.post("/api/v1/me/trial", "", customer.token()).expect(201).json().get("id").asLong();
        panel.down();
        OutboxDriver outbox = new OutboxDriver(jdbc, worker);
        outbox.run("key.push:" + keyId + ":");

        JsonNode retrying = api.get("/api/v1/admin/outbox/retrying?limit=100", shop.admin()).expect(200).json();
        JsonNode task = retrying.valueStream().filter(t -> t.get("dedupKey").asString().startsWith("key.push:" + keyId + ":"))
                .findFirst().orElseThrow();
        assertThat(task.get("attempts").asInt()).isEqualTo(1);
        assertThat(task.get("lastError").asString()).contains("unreachable");
        assertThat(task.get("nextAttemptAt").isNull()).isFalse();

        assertThat(provisioning.runOnce()).isZero(); // just bought: nothing to say yet
        jdbc.sql("UPDATE vpn_keys SET created_at = now() - interval '11 minutes' WHERE id = :id").param("id", keyId)
                .update();

        assertThat(provisioning.runOnce()).isEqualTo(1);
        assertThat(provisioning.runOnce()).isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE dedup_key = :k").param("k",
                "key.delayed:" + keyId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT payload::text FROM outbox_tasks WHERE dedup_key = :k")
                .param("k", "admin:keys.delayed:" + keyId).query(String.class).list())
                .singleElement().asString().contains("key id #" + keyId).contains("still being prepared after 10 min");
        panel.recover();
    }
}
