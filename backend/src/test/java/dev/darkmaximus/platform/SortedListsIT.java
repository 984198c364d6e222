package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;

/** Admin lists sorted by a column on the server, a page at an offset; only the allowed columns. */
class SortedListsIT extends PanelBackedTest {

    @Test
    void customersSortByUsernameEitherWayAndPageByOffset() {
        long base = TestIds.telegramIds(3);
        String tag = "srt" + base;
        String[] suffixes = {"c", "a", "b"};
        for (int i = 0; i < suffixes.length; i++) {
            api.post("/api/v1/auth/dev", Map.of("telegramId", base + i, "username", tag + "_" + suffixes[i]), null)
                    .expect(200);
        }
        String list = "/api/v1/admin/customers?q=@" + tag + "&sort=";
        assertThat(api.get(list + "username", shop.admin()).expect(200).json().path("data").findValuesAsString("username"))
                .containsExactly(tag + "_a", tag + "_b", tag + "_c");
        assertThat(api.get(list + "-username", shop.admin()).json().path("data").findValuesAsString("username"))
                .containsExactly(tag + "_c", tag + "_b", tag + "_a");
        JsonNode middle = api.get(list + "username&offset=1&limit=1", shop.admin()).json();
        assertThat(middle.path("data").findValuesAsString("username")).containsExactly(tag + "_b");
        assertThat(middle.path("hasMore").asBoolean()).isTrue();

        JsonNode refused = api.get(list + "password_hash", shop.admin()).problem(400, "validation_failed");
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("sort");
        api.get("/api/v1/admin/customers?sort=number&offset=-1", shop.admin()).problem(400, "validation_failed");
    }

    @Test
    void keysSortByExpiryAndPaymentsRefuseUnknownColumns() {
        Shop.Customer customer = shop.customer();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long later = shop.activeKey(customer.id(), hostId, null, now.plus(20, ChronoUnit.DAYS), "INHERIT");
        long sooner = shop.activeKey(customer.id(), hostId, null, now.plus(2, ChronoUnit.DAYS), "INHERIT");
        long middle = shop.activeKey(customer.id(), hostId, null, now.plus(9, ChronoUnit.DAYS), "INHERIT");

        String list = "/api/v1/admin/keys?customerId=" + customer.id() + "&sort=";
        assertThat(api.get(list + "expiresAt", shop.admin()).expect(200).json().path("data").findValues("id").stream()
                .map(JsonNode::asLong)).containsExactly(sooner, middle, later);
        assertThat(api.get(list + "-expiresAt", shop.admin()).json().path("data").findValues("id").stream()
                .map(JsonNode::asLong)).containsExactly(later, middle, sooner);
        api.get(list + "secret", shop.admin()).problem(400, "validation_failed");
        api.get("/api/v1/admin/payments?sort=-amount", shop.admin()).expect(200);
        api.get("/api/v1/admin/payments?sort=1;DROP", shop.admin()).problem(400, "validation_failed");
    }
}
