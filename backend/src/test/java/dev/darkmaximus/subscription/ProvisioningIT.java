package dev.darkmaximus.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxProperties;
import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/** A key is created on the panel through the outbox: outages, crashes and retries never lose it or double it. */
class ProvisioningIT extends PanelBackedTest {

    @Autowired
    ShopSettings settings;
    @Autowired
    OutboxRepository outboxTasks;
    @Autowired
    List<OutboxHandler> handlers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void setUp() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
    }

    private JsonNode trialFor(Shop.Customer customer) {
        return api.post("/api/v1/me/trial", "", customer.token()).expect(201).json();
    }

    private String email(long keyId) {
        return jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id",
                keyId).query(String.class).single();
    }

    @Test
    void aKeyOrderedWhileThePanelIsDownAppearsOnceThePanelRecovers() {
        Shop.Customer customer = shop.customer();
        JsonNode trial = trialFor(customer);
        long keyId = trial.get("id").asLong();
        assertThat(trial.get("status").asString()).isEqualTo("provisioning");
        assertThat(trial.get("trial").asBoolean()).isTrue();
        String email = email(keyId);
        assertThat(email).matches("dm\\d+-k" + keyId + "-t");
        panel.acceptsNewClient(email);
        panel.down();

        outbox.run("key.push:" + keyId + ":");

        assertThat(outbox.status("key.push:" + keyId + ":")).isEqualTo("PENDING");
        JsonNode waiting = api.get("/api/v1/me/keys/" + keyId, customer.token()).expect(200).json();
        assertThat(waiting.get("status").asString()).isEqualTo("provisioning");
        assertThat(waiting.path("connectionLink").isMissingNode() || waiting.get("connectionLink").isNull()).isTrue();

        panel.recover();
        outbox.run("key.push:" + keyId + ":");

        assertThat(outbox.status("key.push:" + keyId + ":")).isEqualTo("DONE");
        JsonNode ready = api.get("/api/v1/me/keys/" + keyId, customer.token()).expect(200).json();
        assertThat(ready.get("status").asString()).isEqualTo("active");
        assertThat(ready.get("connectionLink").asString()).startsWith("vless://").contains("security=reality")
                .contains("pbk=Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw").contains("flow=xtls-rprx-vision");
        assertThat(ready.get("subscriptionUrl").asString()).startsWith("https://sub.example.net/sub/");
        assertThat(panel.addClientCalls(email)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE dedup_key = :k").param("k", "key.ready:" + keyId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/me/keys/" + keyId + "/qr", customer.token()).expect(200).header("Content-Type"))
                .isEqualTo("image/png");
    }

    @Test
    void aWorkerThatDiedAfterClaimingIsReplacedAndTheKeyStillAppears() {
        Shop.Customer customer = shop.customer();
        long keyId = trialFor(customer).get("id").asLong();
        String email = email(keyId);
        panel.acceptsNewClient(email);
        // The node that claimed the task died before calling the panel: the task is RUNNING with a lapsed lease.
        jdbc.sql("""
                UPDATE outbox_tasks SET status = 'RUNNING', attempts = 1, locked_until = now() - interval '1 second'
                WHERE dedup_key LIKE :k""").param("k", "key.push:" + keyId + ":%").update();
        OutboxWorker restarted = new OutboxWorker(outboxTasks, handlers, transactions, outboxProperties, meters,
                Clock.systemUTC());

        outbox.run("key.push:" + keyId + ":", restarted);

        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        assertThat(panel.addClientCalls(email)).isEqualTo(1);
    }

    @Test
    void aClientLeftOnThePanelByAnInterruptedAttemptIsAdoptedNeverDuplicated() {
        Shop.Customer customer = shop.customer();
        long keyId = trialFor(customer).get("id").asLong();
        String email = email(keyId);
        String uuid = jdbc.sql("SELECT panel_client_uuid::text FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single();
        panel.hasClient(email, uuid, "sub", 0, true, 0, 0); // created by the attempt that crashed before recording it

        outbox.run("key.push:" + keyId + ":");
        outbox.run("key.push:" + keyId + ":"); // a duplicate run changes nothing

        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        assertThat(panel.addClientCalls(email)).isZero();
        panel.server().verify(1, postRequestedFor(urlPathMatching("/secret/panel/api/inbounds/updateClient/" + uuid)));
    }

    @Test
    void aTaskOutOfAttemptsMarksTheKeyFailedForAnAdminWhoCanRetryIt() {
        Shop.Customer customer = shop.customer();
        long keyId = trialFor(customer).get("id").asLong();
        panel.acceptsNewClient(email(keyId));
        panel.down();
        jdbc.sql("UPDATE outbox_tasks SET attempts = :n WHERE dedup_key LIKE :k")
                .param("n", outboxProperties.maxAttempts() - 1).param("k", "key.push:" + keyId + ":%").update();

        outbox.run("key.push:" + keyId + ":");

        assertThat(outbox.status("key.push:" + keyId + ":")).isEqualTo("DEAD");
        assertThat(shop.status(keyId)).isEqualTo("FAILED");
        assertThat(api.get("/api/v1/me/keys/" + keyId, customer.token()).expect(200).json().get("status").asString())
                .isEqualTo("failed");
        long taskId = jdbc.sql("SELECT id FROM outbox_tasks WHERE dedup_key LIKE :k").param("k",
                "key.push:" + keyId + ":%")
                .query(Long.class).single();
        JsonNode dead = api.get("/api/v1/admin/outbox/dead?limit=100", shop.admin()).expect(200).json();
        assertThat(dead.findValuesAsString("dedupKey")).anyMatch(k -> k.startsWith("key.push:" + keyId + ":"));

        panel.recover();
        api.post("/api/v1/admin/outbox/" + taskId + "/retry", "", shop.admin()).expect(200);
        outbox.run("key.push:" + keyId + ":");

        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
    }
}
