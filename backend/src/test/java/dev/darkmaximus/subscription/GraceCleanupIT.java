package dev.darkmaximus.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/** SPEC §4.6: keys expired past the grace period leave the panel and are archived, unless the admin said no. */
class GraceCleanupIT extends PanelBackedTest {

    @Autowired
    GraceCleanup grace;

    @AfterEach
    void tearDown() {
        settings.put(ShopSettings.GRACE_DELETE, "true", Setting.ValueType.BOOL, "test");
    }

    private long expiredKey(Shop.Customer customer, int daysAgo) {
        long keyId = shop.activeKey(customer.id(), hostId, null, Instant.now().minus(daysAgo, ChronoUnit.DAYS), "OFF");
        jdbc.sql("UPDATE vpn_keys SET status = 'EXPIRED' WHERE id = :id").param("id", keyId).update();
        panel.hasClient(Shop.email(keyId), "0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10", "s", 0, false, 0, 0);
        return keyId;
    }

    @Test
    void longExpiredKeysAreDeletedFromThePanelAndArchivedRecentOnesKept() {
        Shop.Customer customer = shop.customer();
        long old = expiredKey(customer, 6);
        long recent = expiredKey(customer, 2);

        settings.put(ShopSettings.GRACE_DELETE, "false", Setting.ValueType.BOOL, "test");
        grace.runOnce();
        assertThat(shop.status(old)).isEqualTo("EXPIRED");

        settings.put(ShopSettings.GRACE_DELETE, "true", Setting.ValueType.BOOL, "test");
        grace.runOnce();

        assertThat(shop.status(old)).isEqualTo("REVOKED");
        assertThat(shop.status(recent)).isEqualTo("EXPIRED");
        panel.server().verify(1, postRequestedFor(urlEqualTo("/secret/panel/api/inbounds/1/delClientByEmail/"
                + Shop.email(old))));
        panel.server().verify(0, postRequestedFor(urlEqualTo("/secret/panel/api/inbounds/1/delClientByEmail/"
                + Shop.email(recent))));
    }
}
