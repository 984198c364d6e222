package dev.darkmaximus.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.LedgerKind;
import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.payment.cards.CardConsent;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Racers;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * Saved-card auto-renewal (issue 21): a card is kept only with the consent given at checkout and once YooKassa saved
 * it; a renewal is charged to it once, with no customer action, however many nodes run the job at the same moment;
 * a declined charge falls back to the balance, and a card that can't be charged again is removed and its owner told.
 */
class SavedCardRenewalIT extends PanelBackedTest {

    @Autowired
    AutoRenewal renewal;
    @Autowired
    BalanceService balances;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OrderService orders;

    private final List<StubMapping> added = new ArrayList<>();
    private Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @AfterEach
    void dropStubs() {
        added.forEach(TestYooKassa.server()::removeStub);
    }

    /** Buys a key by card with "save the card" ticked; YooKassa says it saved the card. Returns the order. */
    private JsonNode buyAndSaveCard(Shop.Customer buyer, String methodId) {
        JsonNode order = money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "saveCard", true), UUID.randomUUID().toString());
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        String paid = TestYooKassa.cardPaymentJson(TestYooKassa.providerId(paymentId), "succeeded", 19_900, orderId,
                paymentId, methodId, true, null);
        added.add(TestYooKassa.server().stubFor(get(urlEqualTo("/payments/" + TestYooKassa.providerId(paymentId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(paid))));
        money.notify("payment.succeeded", paymentId, "succeeded", 19_900, orderId).expect(200);
        return order;
    }

    /** What YooKassa answers to the renewal's charge of this key and expiry. */
    private String renewalCharge(long keyId, Instant expiry, String status, String reason, String methodId) {
        String key = "dm-renewal-" + keyId + "-" + expiry.getEpochSecond();
        added.add(TestYooKassa.server().stubFor(post(urlEqualTo("/payments")).atPriority(1)
                .withHeader("Idempotence-Key", equalTo(key))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody(TestYooKassa.cardPaymentJson("yk-renewal-" + keyId, status, 19_900, 0, 0, methodId,
                                true, reason).replace("\"order_id\":\"0\",\"payment_id\":\"0\"",
                                "\"order_id\":\"{{jsonPath request.body '$.metadata.order_id'}}\","
                                        + "\"payment_id\":\"{{jsonPath request.body '$.metadata.payment_id'}}\"")))));
        return key;
    }

    private void topUp(long customerId, long kopecks) {
        transactions.executeWithoutResult(tx -> balances.credit(customerId, Money.of(kopecks, Currency.RUB),
                LedgerKind.TOP_UP, "test", null, "test top-up", "test"));
    }

    @Test
    void aCardIsKeptOnlyWithConsentAndYooKassasWordAndItsOwnerSeesAndRemovesIt() {
        Shop.Customer buyer = shop.customer();
        JsonNode methods = api.get("/api/v1/me/payment-methods?kind=NEW_KEY&planId=" + money.planId(), buyer.token())
                .expect(200).json();
        assertThat(methods.toString()).contains(CardConsent.text("en").substring(0, 40));

        JsonNode order = buyAndSaveCard(buyer, "pm-kept-" + buyer.id());
        long orderId = order.get("id").asLong();
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/payments"))
                .withRequestBody(matchingJsonPath("$.metadata.order_id", equalTo(Long.toString(orderId))))
                .withRequestBody(matchingJsonPath("$.save_payment_method", equalTo("true"))))).hasSize(1);
        assertThat(jdbc.sql("SELECT text FROM card_consents WHERE order_id = :o").param("o", orderId)
                .query(String.class).single()).isEqualTo(CardConsent.text("en"));
        JsonNode cards = api.get("/api/v1/me/cards", buyer.token()).expect(200).json();
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("title").asString()).isEqualTo("Bank card *4444");
        assertThat(db.count("SELECT count(*) FROM notifications WHERE customer_id = ? AND template_key = "
                + "'card.saved'", buyer.id())).isEqualTo(1);

        // YooKassa saying "saved" without the customer's consent keeps nothing.
        JsonNode unconsented = money.buyWithCard(buyer);
        long otherPayment = unconsented.get("payment").get("id").asLong();
        long otherOrder = unconsented.get("id").asLong();
        added.add(TestYooKassa.server().stubFor(get(urlEqualTo("/payments/" + TestYooKassa.providerId(otherPayment)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestYooKassa.cardPaymentJson(TestYooKassa.providerId(otherPayment), "succeeded",
                                19_900, otherOrder, otherPayment, "pm-unconsented-" + buyer.id(), true, null)))));
        money.notify("payment.succeeded", otherPayment, "succeeded", 19_900, otherOrder).expect(200);
        assertThat(api.get("/api/v1/me/cards", buyer.token()).expect(200).json()).hasSize(1);
    }

    @Test
    void aCardIsSavedOnlyWhenPayingForAKeyByCard() {
        Shop.Customer buyer = shop.customer();
        api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "STARS",
                        "saveCard", true), buyer.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .problem(400, "validation_failed");
        api.post("/api/v1/orders", Map.of("kind", "TOP_UP", "amountMinor", 50_000, "method", "YOOKASSA",
                        "saveCard", true), buyer.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .problem(400, "validation_failed");
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", buyer.id())).isZero();
    }

    @Test
    void onlyItsOwnerRemovesACardAndARemovedCardIsNeverCharged() {
        Shop.Customer owner = shop.customer();
        buyAndSaveCard(owner, "pm-removed-" + owner.id());
        long cardId = api.get("/api/v1/me/cards", owner.token()).expect(200).json().get(0).get("id").asLong();

        api.delete("/api/v1/me/cards/" + cardId, shop.customer().token()).problem(404, "not_found");
        api.delete("/api/v1/me/cards/" + cardId, owner.token()).expect(204);
        assertThat(api.get("/api/v1/me/cards", owner.token()).expect(200).json()).isEmpty();

        topUp(owner.id(), 25_000);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(owner.id(), hostId, money.planId(), expiry, "ON");
        String charge = renewalCharge(keyId, expiry, "succeeded", null, "pm-removed-" + owner.id());
        assertThat(api.get("/api/v1/admin/keys/" + keyId, shop.admin()).expect(200).json().get("renewsWith")
                .asString()).isEqualTo("balance");
        renewal.runOnce();
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/payments"))
                .withHeader("Idempotence-Key", equalTo(charge)))).isEmpty();
        assertThat(balances.balance(owner.id(), Currency.RUB).amount()).as("renewed from the balance").isEqualTo(5_100);
    }

    @Test
    void aRenewalIsChargedToTheCardOnceWhileTwoNodesRunTheJobTogether() {
        Shop.Customer customer = shop.customer();
        String methodId = "pm-race-" + customer.id();
        buyAndSaveCard(customer, methodId);
        topUp(customer.id(), 25_000);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, money.planId(), expiry, "ON");
        String charge = renewalCharge(keyId, expiry, "succeeded", null, methodId);
        JsonNode staffView = api.get("/api/v1/admin/keys/" + keyId, shop.admin()).expect(200).json();
        assertThat(staffView.get("renewsWith").asString()).isEqualTo("card");
        assertThat(staffView.get("renewalCard").asString()).isEqualTo("Bank card *4444");

        Racers.race(2, renewal::runOnce);
        renewal.runOnce();

        assertThat(shop.expiresAt(keyId)).isEqualTo(KeyTerms.plus(expiry, DurationUnit.MONTHS, 1,
                settings.timeZone()));
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).as("the balance untouched")
                .isEqualTo(25_000);
        assertThat(db.count("SELECT count(*) FROM orders WHERE key_id = ? AND kind = 'EXTEND_KEY'", keyId))
                .isEqualTo(1);
        // The renewal order has one payment, succeeded: the racing runs charged it once between them.
        assertThat(jdbc.sql("SELECT string_agg(p.status, ',') FROM payments p JOIN orders o ON o.id = p.order_id "
                + "WHERE o.key_id = :k AND o.kind = 'EXTEND_KEY'").param("k", keyId).query(String.class).single())
                .isEqualTo("SUCCEEDED");
        // Every call YooKassa got for this renewal carried the one key: YooKassa makes one charge of them.
        var calls = TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/payments"))
                .withRequestBody(matchingJsonPath("$.payment_method_id", equalTo(methodId))));
        assertThat(calls).isNotEmpty().allSatisfy(call ->
                assertThat(call.getHeader("Idempotence-Key")).isEqualTo(charge));
    }

    @Test
    void aKeyRenewedByAnotherNodeAMomentAgoIsNotChargedForThePeriodAfter() {
        Shop.Customer customer = shop.customer();
        String methodId = "pm-stale-" + customer.id();
        buyAndSaveCard(customer, methodId);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, money.planId(), expiry, "ON");
        renewalCharge(keyId, expiry, "succeeded", null, methodId);
        renewal.renewOne(keyId);
        Instant renewed = shop.expiresAt(keyId);

        // The other node had picked the key from its list before this one renewed it.
        renewal.renewOne(keyId);

        assertThat(shop.expiresAt(keyId)).isEqualTo(renewed);
        assertThat(db.count("SELECT count(*) FROM orders WHERE key_id = ? AND kind = 'EXTEND_KEY'", keyId))
                .as("no order for the period after").isEqualTo(1);
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/payments"))
                .withHeader("Idempotence-Key", equalTo("dm-renewal-" + keyId + "-" + renewed.getEpochSecond()))))
                .isEmpty();
    }

    @Test
    void aChargeStillPendingIsNeverFollowedByTheBalanceEvenIfTheCardIsRemovedMeanwhile() {
        Shop.Customer customer = shop.customer();
        String methodId = "pm-pending-" + customer.id();
        buyAndSaveCard(customer, methodId);
        topUp(customer.id(), 25_000);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, money.planId(), expiry, "ON");
        renewalCharge(keyId, expiry, "pending", null, methodId);

        renewal.runOnce();
        long cardId = api.get("/api/v1/me/cards", customer.token()).expect(200).json().get(0).get("id").asLong();
        api.delete("/api/v1/me/cards/" + cardId, customer.token()).expect(204);
        renewal.runOnce();

        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).as("the balance untouched")
                .isEqualTo(25_000);
        assertThat(shop.expiresAt(keyId)).isEqualTo(expiry);
    }

    @Test
    void aChargeNeverAnsweredIsAskedAgainUnderTheSameKeyAfterItsOrderLapsedNotChargedToTheBalance() {
        Shop.Customer customer = shop.customer();
        String methodId = "pm-unanswered-" + customer.id();
        buyAndSaveCard(customer, methodId);
        topUp(customer.id(), 25_000);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, money.planId(), expiry, "ON");
        String key = "dm-renewal-" + keyId + "-" + expiry.getEpochSecond();
        StubMapping down = TestYooKassa.server().stubFor(post(urlEqualTo("/payments")).atPriority(0)
                .withHeader("Idempotence-Key", equalTo(key)).willReturn(aResponse().withStatus(503)));
        added.add(down);

        renewal.runOnce();
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE key_id = :k AND kind = "
                + "'EXTEND_KEY'").param("k", keyId).update();
        orders.expireDue();
        renewal.runOnce(); // YooKassa still down: unknown, so neither the card again for sure nor the balance
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).isEqualTo(25_000);

        TestYooKassa.server().removeStub(down);
        renewalCharge(keyId, expiry, "succeeded", null, methodId);
        renewal.runOnce();

        assertThat(shop.expiresAt(keyId)).isEqualTo(KeyTerms.plus(expiry, DurationUnit.MONTHS, 1,
                settings.timeZone()));
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).isEqualTo(25_000);
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/payments"))
                .withRequestBody(matchingJsonPath("$.payment_method_id", equalTo(methodId)))))
                .allSatisfy(call -> assertThat(call.getHeader("Idempotence-Key")).isEqualTo(key));
    }

    @Test
    void aDeclinedCardFallsBackToTheBalanceAndAnExpiredCardIsRemovedAndItsOwnerTold() {
        Shop.Customer customer = shop.customer();
        String methodId = "pm-expired-" + customer.id();
        buyAndSaveCard(customer, methodId);
        topUp(customer.id(), 25_000);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, money.planId(), expiry, "ON");
        renewalCharge(keyId, expiry, "canceled", "card_expired", methodId);

        renewal.runOnce();
        renewal.runOnce();

        assertThat(shop.expiresAt(keyId)).isEqualTo(KeyTerms.plus(expiry, DurationUnit.MONTHS, 1,
                settings.timeZone()));
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).as("renewed from the balance once")
                .isEqualTo(5_100);
        assertThat(api.get("/api/v1/me/cards", customer.token()).expect(200).json()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM notifications WHERE customer_id = ? AND template_key = "
                + "'card.removed'", customer.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.key_id = ? "
                + "AND p.status = 'CANCELED'", keyId)).isEqualTo(1);
    }
}
