package dev.darkmaximus.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * Maintenance mode (SPEC §16): switched on in the settings, customers get the "back soon" text in the Mini App's
 * API and in the bot, in their language, while staff get in, a card payment's webhook still credits its order and
 * the key it bought is still made.
 */
class MaintenanceIT extends PanelBackedTest {

    @Autowired
    Templates templates;
    private Purchases money;
    private String admin;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
        admin = api.adminToken();
    }

    private void maintenance(boolean on) {
        api.put("/api/v1/admin/settings", Map.of("values", Map.of("general.maintenance", Boolean.toString(on))),
                admin).expect(200);
    }

    @Test
    void customersHearBackSoonWhileStaffPaymentsAndKeysCarryOn() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        BotUser chatting = new BotUser(api, "en");
        chatting.says("/start");
        BotUser staffMember = new BotUser(api, "en");
        staffMember.says("/start");
        jdbc.sql("UPDATE staff SET telegram_id = :tg WHERE username = 'admin'").param("tg", staffMember.id).update();

        maintenance(true);
        try {
            String en = templates.render(Templates.MAINTENANCE, "en", Map.of());
            String language = jdbc.sql("SELECT language FROM customers WHERE id = :id").param("id", buyer.id())
                    .query(String.class).single();
            JsonNode refused = api.get("/api/v1/me", buyer.token()).problem(503, "maintenance");
            assertThat(refused.get("detail").asString())
                    .as("in the customer's language").isEqualTo(templates.render(Templates.MAINTENANCE, language,
                            Map.of()));
            assertThat(api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null,
                    Map.of("Accept-Language", "ru-RU")).problem(503, "maintenance").get("detail").asString())
                    .isEqualTo(templates.render(Templates.MAINTENANCE, "ru", Map.of()));
            assertThat(api.post("/api/v1/auth/dev", Map.of("telegramId", TestIds.telegramId()), null,
                    Map.of("Accept-Language", "en-GB,en;q=0.9")).problem(503, "maintenance").get("detail").asString())
                    .isEqualTo(en);
            api.get("/api/v1/catalog/hosts", null).problem(503, "maintenance");

            chatting.mark();
            chatting.says("/buy");
            assertThat(chatting.only("sendMessage").body().get("text").asString()).isEqualTo(en);
            staffMember.mark();
            staffMember.says("/start");
            assertThat(staffMember.screen().body().get("text").asString()).isNotEqualTo(en);

            api.get("/api/v1/admin/customers", admin).expect(200);
            long orderId = order.get("id").asLong();
            long paymentId = order.get("payment").get("id").asLong();
            long amount = order.get("amountMinor").asLong();
            TestYooKassa.payment(paymentId, "succeeded", amount, orderId);
            money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);
            assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
            long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
            outbox.run("key.push:" + keyId + ":");
            assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        } finally {
            maintenance(false);
            jdbc.sql("UPDATE staff SET telegram_id = NULL WHERE username = 'admin'").update();
        }
        api.get("/api/v1/me", buyer.token()).expect(200);
    }
}
