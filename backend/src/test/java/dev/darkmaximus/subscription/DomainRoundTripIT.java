package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.messaging.persistence.Notification;
import dev.darkmaximus.messaging.persistence.NotificationRepository;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.platform.settings.persistence.SettingRepository;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.support.persistence.SupportTicket;
import dev.darkmaximus.support.persistence.SupportTicketRepository;

/** Keys, tickets, notifications and settings: mapping round trips and the uniqueness rules the flows rely on. */
class DomainRoundTripIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VpnKeyRepository keys;
    @Autowired
    SupportTicketRepository tickets;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    SettingRepository settings;

    DomainFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DomainFixtures(jdbc);
    }

    @Test
    void keysRoundTripAndThePanelIdentityIsUnique() {
        long customer = fixtures.customer();
        long host = fixtures.host();
        UUID uuid = UUID.randomUUID();
        String email = "dm1000-k" + DomainFixtures.unique("");
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        long id = keys.nextId();
        keys.insertProvisioning(id, customer, host, null, keys.nextNumber(customer), email, uuid,
                DomainFixtures.unique("sub"), false, expiry, 0, null, Instant.now());
        int version = keys.findById(id).orElseThrow().version();
        assertThat(keys.activate(id, version + 1, Instant.now(), expiry, "vless://x", null, Instant.now())).isEmpty();
        assertThat(keys.activate(id, version, Instant.now(), expiry, "vless://x", null, Instant.now())).contains(version + 1);

        VpnKey loaded = keys.findByPanelEmail(host, email.toUpperCase()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(VpnKey.KeyStatus.ACTIVE);
        assertThat(loaded.panelClientUuid()).isEqualTo(uuid);
        assertThat(loaded.expiresAt()).isEqualTo(expiry);
        assertThat(keys.nextNumber(customer)).isEqualTo(2);
        assertThat(keys.findExpiringBetween(Instant.now(), expiry.plusSeconds(1), 10_000)).extracting(VpnKey::id)
                .contains(id);
        assertThatThrownBy(() -> keys.insertProvisioning(keys.nextId(), customer, host, null, 2, email,
                UUID.randomUUID(), DomainFixtures.unique("sub"), false, expiry, 0, null, Instant.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aCustomerHasAtMostOneOpenTicket() {
        long customer = fixtures.customer();
        SupportTicket first = tickets.save(SupportTicket.open(customer, "Can't connect"));

        assertThatThrownBy(() -> tickets.save(SupportTicket.open(customer, "Again")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tickets.findOpenByCustomer(customer)).map(SupportTicket::id).contains(first.id());
    }

    @Test
    void aReminderIsQueuedAtMostOnce() {
        long customer = fixtures.customer();
        String dedup = "expiry:" + DomainFixtures.unique("") + ":72h";
        notifications.save(Notification.queued(customer, "expiry_reminder", "key.expiring",
                new JsonDocument("{\"days_left\": 3}"), dedup, Instant.now()));

        assertThatThrownBy(() -> notifications.save(Notification.queued(customer, "expiry_reminder", "key.expiring",
                JsonDocument.EMPTY_OBJECT, dedup, Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(notifications.findRecent(customer, 5).get(0).params().json()).contains("days_left");
    }

    @Test
    void settingsAreUpserted() {
        String key = DomainFixtures.unique("test.setting.");
        settings.upsert(key, "3", "INT", false, "staff:1", Instant.now());
        settings.upsert(key, "5", "INT", false, "staff:1", Instant.now());

        Setting loaded = settings.findById(key).orElseThrow();
        assertThat(loaded.value()).isEqualTo("5");
        assertThat(loaded.valueType()).isEqualTo(Setting.ValueType.INT);
    }
}
