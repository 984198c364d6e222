package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderPaid;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.PublishedEvents;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;

/**
 * The events that connect features (ADR 0005): a paid order is published once and becomes a key; the key is
 * "provisioned" once, on its first activation, however often it is pushed later; an admin's extension is
 * published as such and fulfils nothing twice.
 */
class KeyEventsIT extends PanelBackedTest {

    @Autowired
    PublishedEvents events;

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @Test
    void aPaidOrderBecomesOneKeyThatIsProvisionedOnceAndFulfilsItsOrder() {
        Shop.Customer customer = shop.customer();
        JsonNode order = money.paidByCard(customer);
        long orderId = order.get("id").asLong();

        assertThat(events.of(OrderPaid.class, paid -> paid.orderId() == orderId)).singleElement().satisfies(paid -> {
            assertThat(paid.orderId()).isEqualTo(orderId);
            assertThat(paid.kind()).isEqualTo(OrderKind.NEW_KEY);
            assertThat(paid.amount().amount()).isEqualTo(order.get("amountMinor").asLong());
        });
        long keyId = jdbc.sql("SELECT key_id FROM orders WHERE id = :id").param("id", orderId).query(Long.class)
                .single();
        assertThat(db.orderStatus(orderId)).as("paid until the key is on its panel").isEqualTo("PAID");

        outbox.run("key.push:" + keyId + ":");
        assertThat(events.of(KeyProvisioned.class, provisioned -> provisioned.keyId() == keyId)).hasSize(1);
        assertThat(db.orderStatus(orderId)).isEqualTo("FULFILLED");

        api.post("/api/v1/admin/keys/" + keyId + "/extend", Map.of("days", 10), shop.admin()).expect(200);
        outbox.run("key.push:" + keyId + ":");
        assertThat(events.of(KeyExtended.class, extended -> extended.keyId() == keyId)).singleElement()
                .satisfies(extended -> assertThat(extended.cause()).isEqualTo(KeyExtended.Cause.ADMIN));
        assertThat(events.of(KeyProvisioned.class, provisioned -> provisioned.keyId() == keyId))
                .as("a later push provisions nothing").hasSize(1);
        assertThat(db.count("SELECT count(*) FROM notifications WHERE dedup_key = ?", "key.ready:" + keyId))
                .isEqualTo(1);
    }

    @Test
    void revokingAKeyIsPublishedOnceThePanelConfirmedIt() {
        Shop.Customer customer = shop.customer();
        long keyId = jdbc.sql("SELECT key_id FROM orders WHERE id = :id")
                .param("id", money.paidByCard(customer).get("id").asLong()).query(Long.class).single();
        outbox.run("key.push:" + keyId + ":");

        api.post("/api/v1/admin/keys/" + keyId + "/revoke", "", shop.admin()).expect(200);

        assertThat(events.of(KeyRevoked.class, revoked -> revoked.keyId() == keyId)).singleElement()
                .satisfies(revoked -> assertThat(revoked.customerId()).isEqualTo(customer.id()));
    }
}
