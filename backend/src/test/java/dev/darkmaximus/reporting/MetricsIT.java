package dev.darkmaximus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;

/**
 * The Prometheus scrape (SPEC §16): only with the scrape token; HTTP and JVM metrics as Spring Boot gives them; the
 * business metrics move when a card payment succeeds and its key is provisioned.
 */
class MetricsIT extends PanelBackedTest {

    static final String TOKEN = "test-scrape-token";

    @Autowired
    ShopGauges gauges;

    private Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    /** The scrape as the operator's Prometheus makes it. */
    String scrape() {
        gauges.refresh();
        return api.get("/actuator/prometheus", TOKEN).expect(200).body();
    }

    /** One sample's value: the line with exactly this name and these labels (in Prometheus' sorted order). */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void onlyTheScrapeTokenReadsTheMetrics() {
        api.get("/actuator/prometheus", null).problem(401, "unauthorized");
        api.get("/actuator/prometheus", "wrong-token").problem(401, "unauthorized");
        api.get("/actuator/prometheus", api.adminToken()).problem(401, "unauthorized");
        String scrape = scrape();
        assertThat(scrape).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "hikaricp_connections_active", "dm_outbox_pending", "dm_panel_up", "dm_customers");
    }

    @Test
    void aPaidOrderAndItsKeyMoveTheBusinessMetrics() {
        String host = "host=\"" + hostId + "\"";
        String before = scrape();
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.paidByCard(buyer);
        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", order.get("id").asLong());
        outbox.run("key.push:" + keyId + ":");
        String after = scrape();

        String paid = "dm_orders_paid_total{kind=\"NEW_KEY\",provider=\"YOOKASSA\"}";
        assertThat(value(after, paid) - value(before, paid)).isEqualTo(1);
        String revenue = "dm_revenue_minor_total{currency=\"RUB\"}";
        assertThat(value(after, revenue) - value(before, revenue)).isEqualTo(order.get("amountMinor").asDouble());
        String provisioned = "dm_keys_provisioned_total{" + host + "}";
        assertThat(value(after, provisioned) - value(before, provisioned)).isEqualTo(1);
        String active = "dm_keys{" + host + ",status=\"ACTIVE\"}";
        assertThat(value(after, active) - value(before, active)).isEqualTo(1);
        String succeeded = "dm_payments{provider=\"YOOKASSA\",status=\"SUCCEEDED\"}";
        assertThat(value(after, succeeded) - value(before, succeeded)).isEqualTo(1);
        assertThat(after).containsPattern("dm_keys_provisioning_seconds_count\\{" + Pattern.quote(host) + "} [1-9]");
        assertThat(value(after, "dm_panel_up{" + host + "}")).isEqualTo(1);
    }

    @Test
    void readinessSaysDegradedNotDownWhenAPanelIsDown() {
        JsonNode ready = api.get("/actuator/health/readiness", null).expect(200).json();
        assertThat(ready.get("status").asString()).isIn("UP", "DEGRADED");
        jdbc.sql("UPDATE hosts SET health_last_error_at = now(), health_last_error = 'test outage' WHERE id = :id")
                .param("id", hostId).update();
        try {
            assertThat(api.get("/actuator/health/readiness", null).expect(200).json().get("status").asString())
                    .isEqualTo("DEGRADED");
            assertThat(api.get("/actuator/health/liveness", null).expect(200).json().get("status").asString())
                    .isEqualTo("UP");
            assertThat(value(scrape(), "dm_panel_up{host=\"" + hostId + "\"}")).isZero();
        } finally {
            jdbc.sql("UPDATE hosts SET health_last_ok_at = now() WHERE id = :id").param("id", hostId).update();
        }
    }
}
