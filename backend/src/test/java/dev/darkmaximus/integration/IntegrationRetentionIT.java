package dev.darkmaximus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.integration.persistence.EventStore;
import dev.darkmaximus.integration.persistence.IdempotencyStore;
import dev.darkmaximus.integration.persistence.WebhookDeliveries;
import dev.darkmaximus.testsupport.IntegrationTest;

/** What integrators no longer need goes: answers after 24 h, events and finished deliveries after the retention. */
class IntegrationRetentionIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotencyStore answers;
    @Autowired
    EventStore events;
    @Autowired
    WebhookDeliveries deliveries;

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void oldRowsGoAndRecentOnesStay() {
        long oldEvent = jdbc.sql("""
                INSERT INTO integration_events (type, occurred_at, data)
                VALUES ('customer.created', now() - interval '40 days', '{}') RETURNING id""").query(Long.class).single();
        long newEvent = jdbc.sql("""
                INSERT INTO integration_events (type, occurred_at, data)
                VALUES ('customer.created', now(), '{}') RETURNING id""").query(Long.class).single();
        long apiKey = jdbc.sql("""
                INSERT INTO api_keys (name, key_prefix, key_hash, scopes)
                VALUES ('retention', 'dm_x', md5(random()::text) || md5(random()::text), '') RETURNING id""").query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO idempotent_requests (api_key_id, idem_key, request_hash, claimed_at, completed_at)
                VALUES (:k, 'old', repeat('a', 64), now() - interval '25 hours', now() - interval '25 hours'),
                       (:k, 'new', repeat('b', 64), now(), now())""").param("k", apiKey).update();
        long endpoint = jdbc.sql("""
                INSERT INTO webhook_endpoints (url, events, secret, created_at, updated_at)
                VALUES ('https://example.com/h', 'customer.created', 'x', now(), now()) RETURNING id""")
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, created_at)
                VALUES (:e, :old, 'customer.created', '{}', 'DELIVERED', now() - interval '40 days'),
                       (:e, :new, 'customer.created', '{}', 'DELIVERED', now())""")
                .param("e", endpoint).param("old", oldEvent).param("new", newEvent).update();
        try {
            new IntegrationRetention(answers, events, deliveries, Clock.systemUTC(), Duration.ofDays(30), true).run();

            assertThat(count("SELECT count(*) FROM integration_events WHERE id = :id", oldEvent)).isZero();
            assertThat(count("SELECT count(*) FROM integration_events WHERE id = :id", newEvent)).isOne();
            assertThat(jdbc.sql("SELECT idem_key FROM idempotent_requests WHERE api_key_id = :k").param("k", apiKey)
                    .query(String.class).list()).containsExactly("new");
            assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :id", endpoint)).isOne();
        } finally {
            jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id").param("id", endpoint).update();
            jdbc.sql("DELETE FROM api_keys WHERE id = :id").param("id", apiKey).update();
        }
    }
}
