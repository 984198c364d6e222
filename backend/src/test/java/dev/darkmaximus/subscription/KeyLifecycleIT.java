package dev.darkmaximus.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.imageio.ImageIO;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/** SPEC §4.3 through the API: trial once, extension arithmetic, trial → paid, revoke panel-first, admin actions. */
class KeyLifecycleIT extends PanelBackedTest {

    @Autowired
    KeyService keyService;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
    }

    @Test
    void aCustomerGetsOneTrialUntilAnAdminResetsIt() {
        Shop.Customer customer = shop.customer();

        JsonNode trial = api.post("/api/v1/me/trial", "", customer.token()).expect(201).json();
        api.post("/api/v1/me/trial", "", customer.token()).problem(409, "trial_used");

        assertThat(trial.get("trial").asBoolean()).isTrue();
        Instant expires = Instant.parse(trial.get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(3).minusMinutes(1),
                Duration.ofDays(3));
        assertThat(api.get("/api/v1/me/keys", customer.token()).expect(200).json()).hasSize(1);

        JsonNode reset = api.post("/api/v1/admin/customers/" + customer.id() + "/trial-reset", "", shop.admin())
                .expect(200).json();
        assertThat(reset.get("trialResets").asInt()).isEqualTo(1);
        api.post("/api/v1/me/trial", "", customer.token()).expect(201);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'customer.trial_reset' AND object_id = :id")
                .param("id", Long.toString(customer.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTrialPaidForBecomesAPaidKeyExtendedFromItsExpiry() {
        Shop.Customer customer = shop.customer();
        long planId = shop.plan(hostId, "visible");
        Instant trialEnd = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, null, trialEnd, "INHERIT");
        jdbc.sql("UPDATE vpn_keys SET trial = TRUE WHERE id = :id").param("id", keyId).update();

        Instant extended = transactions.execute(tx -> keyService.extendForOrder(keyId, planId, 0));

        assertThat(extended).isEqualTo(KeyTerms.plus(trialEnd, DurationUnit.MONTHS, 1,
                settings.timeZone()));
        JsonNode key = api.get("/api/v1/admin/keys/" + keyId, shop.admin()).expect(200).json();
        assertThat(key.get("trial").asBoolean()).isFalse();
        assertThat(key.get("planId").asLong()).isEqualTo(planId);
        assertThat(Instant.parse(key.get("expiresAt").asString())).isEqualTo(extended);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_tasks WHERE dedup_key LIKE :k")
                .param("k", "key.push:" + keyId + ":%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPaidOrderGetsANewKeyOnThePlansHostBeingPreparedWithItsTaskInTheSameTransaction() {
        Shop.Customer customer = shop.customer();
        long planId = shop.plan(hostId, "visible");

        long keyId = transactions.execute(tx -> keyService.createForOrder(customer.id(), planId, 0));

        JsonNode key = api.get("/api/v1/admin/keys/" + keyId, shop.admin()).expect(200).json();
        assertThat(key.get("status").asString()).isEqualTo("provisioning");
        assertThat(key.get("trial").asBoolean()).isFalse();
        assertThat(key.get("hostId").asLong()).isEqualTo(hostId);
        assertThat(key.get("planId").asLong()).isEqualTo(planId);
        assertThat(key.get("panelEmail").asString()).matches("dm\\d+-k" + keyId);
        assertThat(key.get("subscriptionUrl").asString()).startsWith("https://sub.example.net/sub/");
        assertThat(Duration.between(Instant.now(), Instant.parse(key.get("expiresAt").asString())))
                .isBetween(Duration.ofDays(27), Duration.ofDays(32));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_tasks WHERE dedup_key LIKE :k")
                .param("k", "key.push:" + keyId + ":%").query(Integer.class).single()).isEqualTo(1);
        Assertions.assertThatThrownBy(() -> keyService.createForOrder(customer.id(), planId, 0))
                .as("only inside the order's transaction")
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anAdminExtendsAnExpiredKeyFromNowAndAnActiveOneFromItsExpiry() {
        Shop.Customer customer = shop.customer();
        Instant past = Instant.now().minus(10, ChronoUnit.DAYS);
        long expired = shop.activeKey(customer.id(), hostId, null, past, "INHERIT");
        jdbc.sql("UPDATE vpn_keys SET status = 'EXPIRED' WHERE id = :id").param("id", expired).update();
        Instant future = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long active = shop.activeKey(customer.id(), hostId, null, future, "INHERIT");

        JsonNode revived = api.post("/api/v1/admin/keys/" + expired + "/extend", Map.of("days", 30), shop.admin())
                .expect(200).json();
        JsonNode longer = api.post("/api/v1/admin/keys/" + active + "/extend", Map.of("days", 30), shop.admin())
                .expect(200).json();

        assertThat(revived.get("status").asString()).isEqualTo("active");
        assertThat(Duration.between(Instant.now(), Instant.parse(revived.get("expiresAt").asString())))
                .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30).plusHours(1));
        assertThat(Instant.parse(longer.get("expiresAt").asString())).isEqualTo(
                KeyTerms.plus(future, DurationUnit.DAYS, 30, settings.timeZone()));
        api.post("/api/v1/admin/keys/" + active + "/extend", Map.of("days", 0), shop.admin())
                .problem(400, "validation_failed");
    }

    @Test
    void revokeDeletesFromThePanelFirstAndLeavesTheKeyAloneWhenThePanelFails() {
        Shop.Customer customer = shop.customer();
        long keyId = shop.activeKey(customer.id(), hostId, null, Instant.now().plus(5, ChronoUnit.DAYS), "INHERIT");
        String email = Shop.email(keyId);
        panel.hasClient(email, "0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10", "s", 0, true, 0, 0);
        String delete = "/secret/panel/api/inbounds/1/delClientByEmail/" + email;
        var failing = panel.server().stubFor(WireMock.post(urlEqualTo(delete))
                .willReturn(aResponse().withStatus(500)));

        api.post("/api/v1/admin/keys/" + keyId + "/revoke", "", shop.admin()).problem(502, "panel_unavailable");
        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        assertThat(panel.client(email)).isPresent();

        panel.server().removeStub(failing);
        JsonNode revoked = api.post("/api/v1/admin/keys/" + keyId + "/revoke", "", shop.admin()).expect(200).json();

        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(panel.client(email)).isEmpty();
        assertThat(api.get("/api/v1/me/keys", customer.token()).expect(200).json()).isEmpty();
        api.post("/api/v1/admin/keys/" + keyId + "/extend", Map.of("days", 3), shop.admin()).problem(409,
                "key_revoked");
        api.get("/api/v1/me/keys/" + keyId + "/qr", customer.token()).problem(404, "link_not_ready");
    }

    @Test
    void disablingKeepsTheExpiryAndIsPushedToThePanelAndAudited() {
        Shop.Customer customer = shop.customer();
        Instant expiry = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, null, expiry, "INHERIT");

        JsonNode disabled = api.post("/api/v1/admin/keys/" + keyId + "/disable", "", shop.admin()).expect(200).json();
        JsonNode enabled = api.post("/api/v1/admin/keys/" + keyId + "/enable", "", shop.admin()).expect(200).json();

        assertThat(disabled.get("status").asString()).isEqualTo("disabled");
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(enabled.get("status").asString()).isEqualTo("active");
        assertThat(Instant.parse(enabled.get("expiresAt").asString())).isEqualTo(expiry);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_tasks WHERE dedup_key LIKE :k")
                .param("k", "key.push:" + keyId + ":%").query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE object_type = 'key' AND object_id = :id")
                .param("id", Long.toString(keyId)).query(Integer.class).single()).isEqualTo(2);
        JsonNode page = api.get("/api/v1/admin/keys?customerId=" + customer.id() + "&status=active", shop.admin())
                .expect(200).json();
        assertThat(page.get("data").findValuesAsString("panelEmail")).containsExactly(Shop.email(keyId));
        api.get("/api/v1/admin/keys?status=sleeping", shop.admin()).problem(400, "validation_failed");
    }

    @Test
    void customersSeeOnlyTheirOwnKeysAndChooseAutoRenewal() {
        Shop.Customer owner = shop.customer();
        Shop.Customer other = shop.customer();
        long keyId = shop.activeKey(owner.id(), hostId, null, Instant.now().plus(5, ChronoUnit.DAYS), "INHERIT");

        api.get("/api/v1/me/keys/" + keyId, other.token()).problem(404, "not_found");
        api.put("/api/v1/me/keys/" + keyId + "/auto-renew", Map.of("mode", "off"), other.token()).problem(404,
                "not_found");
        JsonNode off = api.put("/api/v1/me/keys/" + keyId + "/auto-renew", Map.of("mode", "off"), owner.token())
                .expect(200).json();
        api.put("/api/v1/me/keys/" + keyId + "/auto-renew", Map.of("mode", "sometimes"), owner.token())
                .problem(400, "validation_failed");
        JsonNode named = api.put("/api/v1/me/keys/" + keyId + "/label", Map.of("label", "Phone"), owner.token())
                .expect(200).json();

        assertThat(off.get("autoRenew").asString()).isEqualTo("off");
        assertThat(off.get("autoRenewEffective").asBoolean()).isFalse();
        assertThat(named.get("label").asString()).isEqualTo("Phone");
        byte[] png = api.getBytes("/api/v1/me/keys/" + keyId + "/qr?target=link", owner.token(), 200);
        BufferedImage qr;
        try {
            qr = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(qr).as("a decodable PNG").isNotNull();
        assertThat(qr.getWidth()).isGreaterThanOrEqualTo(360);
        api.get("/api/v1/me/keys/" + keyId + "/qr?target=poster", owner.token()).problem(400, "validation_failed");
    }
}
