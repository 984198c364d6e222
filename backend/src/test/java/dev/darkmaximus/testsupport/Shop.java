package dev.darkmaximus.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.xui.FakeXuiPanel;

/**
 * Sets up a small shop through the real API (hosts, plans, customers signing in with initData) plus keys in a given
 * state straight in the database, for the key-lifecycle tests.
 */
public final class Shop {

    private final Api api;
    private final JdbcClient jdbc;
    private final String admin;

    public Shop(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.admin = api.adminToken();
    }

    public String admin() {
        return admin;
    }

    public long host(XuiPanelStub panel) {
        Map<String, Object> host = CatalogRequests.host("Host " + DomainFixtures.unique("k"));
        host.put("baseUrl", panel.baseUrl());
        host.put("webBasePath", XuiPanelStub.ROOT);
        host.put("password", FakeXuiPanel.PASSWORD);
        host.put("subscriptionBaseUrl", "https://sub.example.net/sub");
        return api.post("/api/v1/admin/hosts", host, admin).expect(201).json().get("id").asLong();
    }

    /** A one-month plan at 199 ₽ / 100 ⭐ on the host. */
    public long plan(long hostId, String visibility) {
        return api.post("/api/v1/admin/plans", CatalogRequests.plan(hostId, "Month", visibility), admin).expect(201)
                .json().get("id").asLong();
    }

    /**
     * {@code count} customers straight in the database (Telegram ids from {@code first}, alternately ru and en) in a
     * group of their own, for broadcasts to thousands; returns the group's id.
     */
    public long readers(long first, int count) {
        long group = jdbc.sql("INSERT INTO customer_groups (name) VALUES (:name) RETURNING id")
                .param("name", "readers-" + UUID.randomUUID()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO customers (telegram_id, username, first_name, language)
                        SELECT :first + i, 'b' || (:first + i), 'Reader', CASE WHEN i % 2 = 0 THEN 'ru' ELSE 'en' END
                        FROM generate_series(0, :count - 1) AS i ORDER BY i""")
                .param("first", first).param("count", count).update();
        jdbc.sql("""
                        INSERT INTO customer_group_members (customer_id, group_id)
                        SELECT id, :group FROM customers WHERE telegram_id BETWEEN :first AND :last""")
                .param("group", group).param("first", first).param("last", first + count - 1).update();
        return group;
    }

    public Customer customer() {
        return customer(null);
    }

    /** A customer who opened the Mini App through a deep link with this start parameter (e.g. ref_1000). */
    public Customer customer(String startParam) {
        long telegramId = TestIds.telegramId();
        String data = InitData.signed(InitData.TEST_BOT_TOKEN, Instant.now().getEpochSecond(),
                InitData.userJson(telegramId, "Key", "key" + telegramId, "en"),
                startParam == null ? Map.of() : Map.of("start_param", startParam));
        JsonNode token = api.post("/api/v1/auth/telegram", Map.of("initData", data), null).expect(200).json();
        long id = jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", telegramId)
                .query(Long.class).single();
        return new Customer(id, telegramId, token.get("accessToken").asString());
    }

    /** An active key as if provisioned earlier; its panel email is unique to this test run. */
    public long activeKey(long customerId, long hostId, Long planId, Instant expiresAt, String autoRenew) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('vpn_keys', 'id'))").query(Long.class).single();
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM vpn_keys WHERE customer_id = :c")
                .param("c", customerId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO vpn_keys (id, customer_id, host_id, plan_id, number, panel_email, panel_client_uuid,
                                      subscription_id, status, trial, enabled, starts_at, expires_at,
                                      traffic_limit_bytes, auto_renew, connection_link)
                VALUES (:id, :c, :h, :p, :n, :email, :uuid, :sub, 'ACTIVE', FALSE, TRUE,
                        LEAST(now(), :exp) - interval '30 days', :exp, 0, :ar, 'vless://x@h:443')""")
                .param("id", id).param("c", customerId).param("h", hostId).param("p", planId).param("n", number)
                .param("email", email(id)).param("uuid", UUID.randomUUID())
                .param("sub", "it" + id + "-" + UUID.randomUUID().toString().substring(0, 8))
                .param("exp", Timestamp.from(expiresAt)).param("ar", autoRenew)
                .update();
        return id;
    }

    public long number(long customerId) {
        return jdbc.sql("SELECT number FROM customers WHERE id = :id").param("id", customerId).query(Long.class).single();
    }

    /** Credits the customer's balance through the admin API (an audited adjustment). */
    public void credit(long customerId, long kopecks) {
        api.post("/api/v1/admin/customers/" + customerId + "/balance-adjustments",
                Map.of("amountMinor", kopecks, "reason", "test money"), admin).expect(200);
    }

    public static String email(long keyId) {
        return "it-k" + keyId;
    }

    public String status(long keyId) {
        return jdbc.sql("SELECT status FROM vpn_keys WHERE id = :id").param("id", keyId).query(String.class).single();
    }

    public Instant expiresAt(long keyId) {
        return jdbc.sql("SELECT expires_at FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(Timestamp.class).single().toInstant();
    }

    /** A signed-in customer: their id, Telegram id and access token. */
    public record Customer(long id, long telegramId, String token) {
    }
}
