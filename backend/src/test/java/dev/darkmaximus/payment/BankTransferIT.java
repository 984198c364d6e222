package dev.darkmaximus.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;

/**
 * Manual bank transfer (issue 21): offered once switched on with instructions; the order waits days, not minutes;
 * only an admin's confirmation of exactly the order's amount pays it (late ones too), audited; operators can't.
 */
class BankTransferIT extends PanelBackedTest {

    private static final String DETAILS = "ООО «Тест», ИНН 7700000000, р/с 40702810000000000000";

    @Autowired
    OrderService orders;
    @Autowired
    PasswordEncoder passwords;

    Purchases money;

    @BeforeEach
    void offerTransfers() {
        money = new Purchases(api, shop, port, hostId, settings);
        settings.put(ShopSettings.methodEnabledKey("bank_transfer"), "true", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.TRANSFER_INSTRUCTIONS, DETAILS, Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.ADMIN_CHAT_ID, "-100777", Setting.ValueType.INT, "test");
    }

    @AfterEach
    void stopOffering() {
        settings.put(ShopSettings.methodEnabledKey("bank_transfer"), "false", Setting.ValueType.BOOL, "test");
        settings.put(ShopSettings.TRANSFER_INSTRUCTIONS, "", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.INT, "test");
    }

    private JsonNode orderByTransfer(Shop.Customer buyer) {
        return money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BANK_TRANSFER"),
                UUID.randomUUID().toString());
    }

    private String received(long paymentId) {
        return "/api/v1/admin/payments/" + paymentId + "/transfer-received";
    }

    @Test
    void anOrderWaitsDaysUntilAnAdminConfirmsExactlyItsAmountThenTheKeyIsMade() {
        Shop.Customer buyer = shop.customer();
        JsonNode methods = api.get("/api/v1/me/payment-methods?kind=NEW_KEY&planId=" + money.planId(), buyer.token())
                .expect(200).json();
        assertThat(methods.toString()).contains("BANK_TRANSFER", DETAILS);

        JsonNode order = orderByTransfer(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        assertThat(order.get("status").asString()).isEqualTo("OPEN");
        assertThat(order.get("payment").get("confirmationUrl").isNull()).isTrue();
        assertThat(Duration.between(Instant.now(), Instant.parse(order.get("expiresAt").asString())))
                .isGreaterThan(Duration.ofDays(2));
        assertThat(db.count("SELECT count(*) FROM outbox_tasks WHERE kind = 'admin.alert' AND payload::text LIKE ?",
                "%Order #" + orderId + " of customer%awaits a bank transfer of 199%")).isEqualTo(1);

        String operator = Operators.signedIn(api, jdbc, passwords, "transfer-op").token();
        api.post(received(paymentId), Map.of("amountMinor", 19_900, "reference", "ПП 1"), operator).expect(403);
        assertThat(api.post(received(paymentId), Map.of("amountMinor", 19_000, "reference", "ПП 1"), shop.admin())
                .problem(400, "validation_failed").toString()).contains("amount_mismatch");
        api.post(received(paymentId), Map.of("amountMinor", 19_900, "reference", " "), shop.admin())
                .problem(400, "validation_failed");
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");

        JsonNode paid = api.post(received(paymentId), Map.of("amountMinor", 19_900, "reference", "ПП 1234"),
                shop.admin()).expect(200).json();
        assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(db.orderStatus(orderId)).isIn("PAID", "FULFILLED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'payment.transfer_received' AND "
                + "object_id = ?", Long.toString(paymentId))).isEqualTo(1);
        api.post(received(paymentId), Map.of("amountMinor", 19_900, "reference", "ПП 1234"), shop.admin())
                .problem(409, "already_confirmed");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
    }

    @Test
    void aTransferThatArrivesAfterTheOrderExpiredStillPaysAndOneThatWontComeIsDeclined() {
        Shop.Customer late = shop.customer();
        JsonNode order = orderByTransfer(late);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", orderId)
                .update();
        orders.expireDue();
        assertThat(db.paymentStatus(paymentId)).isEqualTo("EXPIRED");

        api.post(received(paymentId), Map.of("amountMinor", 19_900, "reference", "ПП 77"), shop.admin()).expect(200);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", late.id())).isEqualTo(1);

        JsonNode abandoned = orderByTransfer(shop.customer());
        long abandonedPayment = abandoned.get("payment").get("id").asLong();
        api.post("/api/v1/admin/payments/" + abandonedPayment + "/transfer-declined",
                Map.of("reason", "paid another way"), shop.admin()).expect(200);
        assertThat(db.paymentStatus(abandonedPayment)).isEqualTo("CANCELED");
        api.post(received(abandonedPayment), Map.of("amountMinor", 19_900, "reference", "x"), shop.admin())
                .expect(200);
        // A declined transfer that arrives after all is money received: it still counts.
        assertThat(db.paymentStatus(abandonedPayment)).isEqualTo("SUCCEEDED");
    }

    @Test
    void withoutInstructionsTransfersAreNotOfferedAndAnotherPaymentCantBeConfirmedAsOne() {
        settings.put(ShopSettings.TRANSFER_INSTRUCTIONS, "", Setting.ValueType.STRING, "test");
        Shop.Customer buyer = shop.customer();
        assertThat(api.get("/api/v1/me/payment-methods?kind=NEW_KEY&planId=" + money.planId(), buyer.token())
                .expect(200).json().toString()).doesNotContain("BANK_TRANSFER");
        long cardPayment = money.buyWithCard(buyer).get("payment").get("id").asLong();
        api.post(received(cardPayment), Map.of("amountMinor", 19_900, "reference", "x"), shop.admin())
                .problem(409, "not_a_transfer");
    }
}
