package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestIds;

/** Who sees which plan: customer groups, and plans for new or returning buyers only. */
class StorefrontAudienceIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void groupsAndPurchaseHistoryDecideWhoSeesAPlan() {
        Api api = new Api(port);
        String admin = api.adminToken();
        long host = api.post("/api/v1/admin/hosts", CatalogRequests.host("Audience " + System.nanoTime()), admin)
                .expect(201).json().get("id").asLong();
        long vipGroup = jdbc.sql("INSERT INTO customer_groups (name) VALUES (:n) RETURNING id")
                .param("n", "vip" + System.nanoTime()).query(Long.class).single();
        long everyone = plan(api, admin, host, "Everyone", "all", List.of());
        long vipOnly = plan(api, admin, host, "VIP", "all", List.of(vipGroup));
        long newOnly = plan(api, admin, host, "Newcomers", "new_only", List.of());
        long returningOnly = plan(api, admin, host, "Returning", "returning_only", List.of());

        long telegramId = TestIds.telegramId();
        String customer = api.post("/api/v1/auth/dev", Map.of("telegramId", telegramId), null).expect(200).json()
                .get("accessToken").asString();
        long customerId = api.get("/api/v1/me", customer).expect(200).json().get("id").asLong();

        assertThat(visible(api, null, host)).containsExactlyInAnyOrder(everyone, newOnly);
        assertThat(visible(api, customer, host)).containsExactlyInAnyOrder(everyone, newOnly);

        jdbc.sql("INSERT INTO customer_group_members (customer_id, group_id) VALUES (:c, :g)")
                .param("c", customerId).param("g", vipGroup).update();
        jdbc.sql("""
                INSERT INTO orders (kind, customer_id, plan_id, amount_minor, currency, base_minor, payment_method,
                                    status, expires_at, paid_at)
                VALUES ('NEW_KEY', :c, :p, 100, 'RUB', 100, 'BALANCE', 'FULFILLED', now(), now()),
                       ('NEW_KEY', :c, :r, 100, 'RUB', 100, 'BALANCE', 'PAID', now(), now())""")
                .param("c", customerId).param("p", newOnly).param("r", returningOnly).update();

        assertThat(visible(api, customer, host)).containsExactlyInAnyOrder(everyone, vipOnly, returningOnly);
        assertThat(visible(api, null, host)).containsExactlyInAnyOrder(everyone, newOnly);
    }

    private static long plan(Api api, String admin, long host, String name, String audience, List<Long> groups) {
        Map<String, Object> plan = CatalogRequests.plan(host, name, "visible");
        plan.put("audience", audience);
        plan.put("groupIds", groups);
        return api.post("/api/v1/admin/plans", plan, admin).expect(201).json().get("id").asLong();
    }

    private static List<Long> visible(Api api, String token, long host) {
        return api.get("/api/v1/catalog/plans?hostId=" + host, token).expect(200).json().findValues("id").stream()
                .map(node -> node.asLong()).toList();
    }
}
