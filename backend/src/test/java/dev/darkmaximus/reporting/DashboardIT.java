package dev.darkmaximus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * The dashboard counts what happened: a trial customer who then pays by card moves today's revenue, payments, new
 * customers, the provider and host split and the trial conversion by exactly that much.
 */
class DashboardIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @Test
    void aTrialCustomerPayingByCardShowsUpInEveryFigureOfToday() {
        JsonNode before = dashboard(7);

        Shop.Customer buyer = shop.customer();
        api.post("/api/v1/me/trial", Map.of(), buyer.token()).expect(201);
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "succeeded", amount, orderId);
        money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);

        JsonNode after = dashboard(7);
        assertThat(after.path("series")).hasSize(7);
        JsonNode today = after.path("series").get(6);
        assertThat(today.path("date").asString())
                .isEqualTo(LocalDate.now(ZoneId.of(after.path("timeZone").asString())).toString());
        JsonNode todayBefore = before.path("series").get(6);
        assertThat(today.path("revenue").path("RUB").asLong() - todayBefore.path("revenue").path("RUB").asLong())
                .isEqualTo(amount);
        assertThat(today.path("payments").asLong() - todayBefore.path("payments").asLong()).isEqualTo(1);
        assertThat(today.path("newCustomers").asLong() - todayBefore.path("newCustomers").asLong()).isEqualTo(1);

        assertThat(slice(after, "byProvider", "YOOKASSA") - slice(before, "byProvider", "YOOKASSA")).isEqualTo(amount);
        String host = jdbc.sql("SELECT name FROM hosts WHERE id = :id").param("id",
                hostId).query(String.class).single();
        assertThat(slice(after, "byHost", host) - slice(before, "byHost", host)).isEqualTo(amount);
        assertThat(after.path("trials").path("trials").asLong() - before.path("trials").path("trials").asLong())
                .isEqualTo(1);
        assertThat(after.path("trials").path("converted").asLong()
                - before.path("trials").path("converted").asLong()).isEqualTo(1);

        assertThat(after.path("health").path("hosts").findValues("hostId").stream().map(JsonNode::asLong))
                .contains(hostId);
        assertThat(after.path("health").path("outboxPending").asLong()).isPositive();
        assertThat(after.path("health").path("outboxLagSeconds").asLong()).isNotNegative();
    }

    @Test
    void onlyAdminsSeeItAndTheRangeIsChecked() {
        assertThat(dashboard(90).path("series")).hasSize(90);
        api.get("/api/v1/admin/dashboard?days=0", shop.admin()).problem(400, "validation_failed");
        api.get("/api/v1/admin/dashboard", shop.customer().token()).problem(403, "forbidden");
    }

    private JsonNode dashboard(int days) {
        return api.get("/api/v1/admin/dashboard?days=" + days, shop.admin()).expect(200).json();
    }

    private static long slice(JsonNode dashboard, String split, String name) {
        long sum = 0;
        for (JsonNode slice : dashboard.path(split)) {
            if (slice.path("name").asString().equals(name) && "RUB".equals(slice.path("currency").asString())) {
                sum += slice.path("amountMinor").asLong();
            }
        }
        return sum;
    }
}
