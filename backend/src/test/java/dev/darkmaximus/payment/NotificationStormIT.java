package dev.darkmaximus.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Racers;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * YooKassa's notifications without needless reads (SPEC §5.4, issue 24): one about a payment already final is
 * answered from the database; a storm of duplicates shares one read and fulfils the order once; a payment still
 * open is read every time.
 */
class NotificationStormIT extends PanelBackedTest {

    private Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    private static int reads(long paymentId) {
        return TestYooKassa.server().findAll(getRequestedFor(urlEqualTo("/payments/"
                + TestYooKassa.providerId(paymentId)))).size();
    }

    @Test
    void aNotificationAboutAPaidPaymentIsAnsweredWithoutAskingYooKassa() {
        JsonNode order = money.paidByCard(shop.customer());
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        int before = reads(paymentId);

        money.notify("payment.succeeded", paymentId, "succeeded", amount, order.get("id").asLong()).expect(200);
        money.notify("payment.canceled", paymentId, "canceled", amount, order.get("id").asLong()).expect(200);

        assertThat(reads(paymentId)).isEqualTo(before);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aHundredDuplicatesArrivingTogetherShareOneReadAndPayOnce() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "succeeded", amount, orderId);
        List<Api.Response> answers = Racers.race(100,
                () -> money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId));
        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(reads(paymentId)).as("YooKassa asked once per node at most").isBetween(1, 2);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.balance(buyer.id(), "MAIN")).as("nothing credited twice").isZero();
    }

    @Test
    void aPaymentStillOpenIsReadEveryTime() {
        JsonNode order = money.buyWithCard(shop.customer());
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "pending", amount, orderId);

        money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);
        money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);

        assertThat(reads(paymentId)).as("a claim is never applied unread").isEqualTo(2);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
    }
}
