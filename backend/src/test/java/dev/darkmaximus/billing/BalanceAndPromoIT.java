package dev.darkmaximus.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;

/** Balance purchases, promo codes and referrals through the real API and database. */
class BalanceAndPromoIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @Autowired
    OrderService orderService;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void exactlyEnoughBalanceBuysTheKeyAndOneKopeckLessChangesNothing() {
        Shop.Customer rich = shop.customer();
        shop.credit(rich.id(), 19_900);
        JsonNode paid = money.order(rich, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE"),
                "k1");
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("payment").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(db.balance(rich.id(), "MAIN")).isZero();
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", rich.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ? AND kind = 'PURCHASE'",
                rich.id()))
                .isEqualTo(1);

        Shop.Customer short1 = shop.customer();
        shop.credit(short1.id(), 19_899);
        JsonNode problem = api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method",
                "BALANCE"),
                short1.token(), Map.of("Idempotency-Key", "k2")).problem(409, "insufficient_balance");
        assertThat(problem.get("detail").asString()).contains("199 ₽");
        assertThat(db.balance(short1.id(), "MAIN")).isEqualTo(19_899);
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", short1.id())).isZero();
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", short1.id())).isZero();
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ?", short1.id())).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyNeverMakesTwoOrders() {
        Shop.Customer customer = shop.customer();
        shop.credit(customer.id(), 50_000);
        Map<String, Object> body = Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE");
        long first = money.order(customer, body, "tap").get("id").asLong();
        long second = money.order(customer, body, "tap").get("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(db.balance(customer.id(), "MAIN")).isEqualTo(50_000 - 19_900);
        api.post("/api/v1/orders", Map.of("kind", "TOP_UP", "amountMinor", 50_000, "method", "YOOKASSA"),
                customer.token(), Map.of("Idempotency-Key", "tap")).problem(409, "idempotency_key_reused");
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherPromoCodeOrTopUpAmountIsRefused() {
        String code = DomainFixtures.unique("IDEM").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "PERCENT", "value", 10), shop.admin())
                .expect(201);
        Shop.Customer customer = shop.customer();
        Map<String, Object> plain = Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA");
        long first = money.order(customer, plain, "promo-tap").get("id").asLong();

        api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", code),
                customer.token(), Map.of("Idempotency-Key", "promo-tap")).problem(409, "idempotency_key_reused");
        assertThat(money.order(customer, plain, "promo-tap").get("id").asLong()).isEqualTo(first);

        Map<String, Object> withCode = Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", code);
        money.order(customer, withCode, "promo-tap-2");
        assertThat(money.order(customer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", code.toLowerCase()), "promo-tap-2").get("promoCodeId").isNull()).isFalse();
        api.post("/api/v1/orders", plain, customer.token(), Map.of("Idempotency-Key", "promo-tap-2"))
                .problem(409, "idempotency_key_reused");

        money.order(customer, Map.of("kind", "TOP_UP", "amountMinor", 50_000, "method", "YOOKASSA"), "topup-tap");
        api.post("/api/v1/orders", Map.of("kind", "TOP_UP", "amountMinor", 60_000, "method", "YOOKASSA"),
                customer.token(), Map.of("Idempotency-Key", "topup-tap")).problem(409, "idempotency_key_reused");
    }

    @Test
    void tenCustomersRacingForTheLastUseOfACodeOpenOneOrderWithIt() throws Exception {
        String code = DomainFixtures.unique("LAST").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "PERCENT", "value", 20, "totalLimit", 1),
                shop.admin()).expect(201);
        List<Shop.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // from addresses of their own: sign-in is limited per address
            customers.add(new Shop(new Api(port, "203.0.113." + (i + 1)), jdbc).customer());
        }
        CyclicBarrier together = new CyclicBarrier(10);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Shop.Customer customer = customers.get(i);
            int n = i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method",
                        "YOOKASSA",
                        "promoCode", code), customer.token(), Map.of("Idempotency-Key", "last-" + n)).status();
            }));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses.stream().filter(st -> st == 201 || st == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(st -> st == 400).count()).isEqualTo(9);
        assertThat(db.count("SELECT count(*) FROM orders o JOIN promo_codes c ON c.id = o.promo_code_id "
                + "WHERE lower(c.code) = lower(?)", code)).isEqualTo(1);
        // held by the open order: nobody else is quoted the discount
        api.post("/api/v1/quotes", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", code),
                shop.customer().token()).problem(400, "validation_failed");
    }

    @Test
    void oneCustomerFiringOrdersAtOnceGetsAOncePerCustomerCodeOnceAndItsHoldEndsWithTheOrder() throws Exception {
        String code = DomainFixtures.unique("HALF").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", code, "kind", "PERCENT", "value", 50), shop.admin())
                .expect(201);
        Shop.Customer customer = shop.customer();
        CyclicBarrier together = new CyclicBarrier(5);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method",
                        "YOOKASSA",
                        "promoCode", code), customer.token(), Map.of("Idempotency-Key", "half-" + n)).status();
            }));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses.stream().filter(st -> st == 201 || st == 200).count()).isEqualTo(1);

        // the order expires unpaid: its hold ends and the customer may use the code again
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE customer_id = :c")
                .param("c", customer.id()).update();
        orderService.expireDue();
        JsonNode again = money.order(customer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", code), "half-again");
        assertThat(again.get("promoCodeId").isNull()).isFalse();
    }

    @Test
    void anOrderPaidAfterItsCodeRanOutKeepsItsDiscountButGetsNoBonusBeyondTheLimit() {
        String days = DomainFixtures.unique("DAYS").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", days, "kind", "BONUS_DAYS", "value", 7, "totalLimit", 1),
                shop.admin()).expect(201);
        Shop.Customer late = shop.customer();
        JsonNode order = money.order(late, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", days), "late-1");
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", orderId)
                .update();
        orderService.expireDue();
        Shop.Customer first = shop.customer();
        JsonNode taken = money.order(first, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", days), "late-2");
        TestYooKassa.payment(taken.get("payment").get("id").asLong(), "succeeded", amount, taken.get("id").asLong());
        money.notify("payment.succeeded", taken.get("payment").get("id").asLong(), "succeeded", amount,
                taken.get("id").asLong()).expect(200);

        TestYooKassa.payment(paymentId, "succeeded", amount, orderId); // the expired order is paid after all
        money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);

        assertThat(db.count("SELECT times_used FROM promo_codes WHERE lower(code) = lower(?)", days)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM promo_redemptions WHERE order_id = ? AND over_limit", orderId))
                .isEqualTo(1);
        long lateKey = db.count("SELECT id FROM vpn_keys WHERE customer_id = ?", late.id());
        long firstKey = db.count("SELECT id FROM vpn_keys WHERE customer_id = ?", first.id());
        long lateDays = db.count("SELECT EXTRACT(DAY FROM expires_at - created_at)::bigint FROM vpn_keys WHERE id = ?",
                lateKey);
        long firstDays = db.count("SELECT EXTRACT(DAY FROM expires_at - created_at)::bigint FROM vpn_keys WHERE id = ?",
                firstKey);
        assertThat(firstDays - lateDays).isEqualTo(7);
    }

    @Test
    void promoCodesAreCheckedForTheCustomerPlanAndMomentWithAFieldError() {
        String once = DomainFixtures.unique("ONCE").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", once, "kind", "FIXED", "value", 5_000, "currency", "RUB",
                "firstPurchaseOnly", true), shop.admin()).expect(201);
        Shop.Customer customer = shop.customer();
        shop.credit(customer.id(), 100_000);

        JsonNode used = money.order(customer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE",
                "promoCode", once), "first");
        assertThat(used.get("amountMinor").asLong()).isEqualTo(14_900);
        assertThat(used.get("promoDiscountMinor").asLong()).isEqualTo(5_000);

        JsonNode again = api.post("/api/v1/quotes", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method",
                "BALANCE",
                "promoCode", once), customer.token()).problem(400, "validation_failed");
        assertThat(again.get("errors").get(0).get("field").asString()).isEqualTo("promoCode");
        assertThat(again.get("errors").get(0).get("code").asString()).isEqualTo("promo_already_used");
        assertThat(api.post("/api/v1/quotes", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE",
                "promoCode", "NO-SUCH-CODE"), customer.token()).problem(400, "validation_failed")
                .get("errors").get(0).get("code").asString()).isEqualTo("promo_not_found");
        JsonNode usage = api.get("/api/v1/admin/promo-codes/" + used.get("promoCodeId").asLong() + "/redemptions",
                shop.admin()).expect(200).json();
        assertThat(usage).hasSize(1);
        assertThat(usage.get(0).get("savedMinor").asLong()).isEqualTo(5_000);
    }

    @Test
    void bonusDaysAndBalanceBonusesAreGrantedOnPayment() {
        String days = DomainFixtures.unique("DAYS").toUpperCase();
        String bonus = DomainFixtures.unique("BONUS").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", days, "kind", "BONUS_DAYS", "value", 7), shop.admin())
                .expect(201);
        api.post("/api/v1/admin/promo-codes", Map.of("code", bonus, "kind", "BALANCE_BONUS", "value", 5_000,
                "currency", "RUB"), shop.admin()).expect(201);
        Shop.Customer customer = shop.customer();
        shop.credit(customer.id(), 19_900);

        JsonNode order = money.order(customer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE",
                "promoCode", days), "days");
        long keyId = order.get("keyId").asLong();
        assertThat(Duration.between(Instant.now(), shop.expiresAt(keyId)).toDays())
                .isBetween(36L, 38L);

        JsonNode topUp = money.order(customer, Map.of("kind", "TOP_UP", "amountMinor", 50_000, "method", "YOOKASSA",
                "promoCode", bonus), "bonus");
        long paymentId = topUp.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", 50_000, topUp.get("id").asLong());
        money.notify("payment.succeeded", paymentId, "succeeded", 50_000, topUp.get("id").asLong()).expect(200);
        assertThat(db.orderStatus(topUp.get("id").asLong())).isEqualTo("FULFILLED");
        assertThat(db.balance(customer.id(), "MAIN")).isEqualTo(55_000);
        JsonNode ledger = api.get("/api/v1/me/ledger", customer.token()).expect(200).json();
        assertThat(ledger.get(0).get("kind").asString()).isEqualTo("PROMO_BONUS");
        assertThat(ledger.get(1).get("kind").asString()).isEqualTo("TOP_UP");
        assertThat(ledger.get(1).get("balanceAfterMinor").asLong()).isEqualTo(50_000);
    }

    @Test
    void aBalancePaymentIsOfferedForRefundToTheBalanceOnlyAndRefusedToThePayer() {
        Shop.Customer customer = shop.customer();
        shop.credit(customer.id(), 19_900);
        JsonNode order = money.order(customer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method",
                "BALANCE"), "bal-ref");
        long paymentId = order.get("payment").get("id").asLong();

        JsonNode options = api.get("/api/v1/admin/payments/" + paymentId, shop.admin()).expect(200).json()
                .get("refundOptions");
        assertThat(options.get("refundableMinor").asLong()).isEqualTo(19_900);
        assertThat(options.get("toPayer").asBoolean()).isFalse();
        assertThat(options.get("toBalance").asBoolean()).isTrue();
        JsonNode refused = api.post("/api/v1/admin/payments/" + paymentId + "/refunds", Map.of("reason", "x"),
                shop.admin()).problem(400, "validation_failed");
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("balance_payment");
        api.post("/api/v1/admin/payments/" + paymentId + "/refunds", Map.of("reason", "x", "toBalance", true),
                shop.admin()).expect(200);
        assertThat(db.balance(customer.id(), "MAIN")).isEqualTo(19_900);
    }

    @Test
    void aRefundTakesBackThePromoBonusThatCameWithThePaymentAsFarAsItIsLeft() {
        String bonus = DomainFixtures.unique("BACK").toUpperCase();
        api.post("/api/v1/admin/promo-codes", Map.of("code", bonus, "kind", "BALANCE_BONUS", "value", 5_000,
                "currency", "RUB"), shop.admin()).expect(201);

        // A top-up with the bonus, refunded to the card in two halves: half the bonus goes with each.
        Shop.Customer saver = shop.customer();
        JsonNode topUp = money.order(saver, Map.of("kind", "TOP_UP", "amountMinor", 50_000, "method", "YOOKASSA",
                "promoCode", bonus), "back-topup");
        long topUpPayment = topUp.get("payment").get("id").asLong();
        TestYooKassa.payment(topUpPayment, "succeeded", 50_000, topUp.get("id").asLong());
        money.notify("payment.succeeded", topUpPayment, "succeeded", 50_000, topUp.get("id").asLong()).expect(200);
        assertThat(db.balance(saver.id(), "MAIN")).isEqualTo(55_000);
        String refunds = "/api/v1/admin/payments/" + topUpPayment + "/refunds";
        TestYooKassa.refundSucceeds(topUpPayment, "rf-" + topUpPayment + "-a");
        api.post(refunds, Map.of("amountMinor", 25_000, "reason", "half"), shop.admin()).expect(200);
        assertThat(db.balance(saver.id(), "MAIN")).isEqualTo(27_500);
        TestYooKassa.refundSucceeds(topUpPayment, "rf-" + topUpPayment + "-b");
        api.post(refunds, Map.of("reason", "the rest"), shop.admin()).expect(200);
        assertThat(db.balance(saver.id(), "MAIN")).isZero();

        // A key bought by card with the bonus; the customer spent 30 ₽ of it before the refund: the rest goes.
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA",
                "promoCode", bonus), "back-key");
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "succeeded", amount, order.get("id").asLong());
        money.notify("payment.succeeded", paymentId, "succeeded", amount, order.get("id").asLong()).expect(200);
        assertThat(db.balance(buyer.id(), "MAIN")).isEqualTo(5_000);
        api.post("/api/v1/admin/customers/" + buyer.id() + "/balance-adjustments",
                Map.of("amountMinor", -3_000, "reason", "spent"), shop.admin()).expect(200);
        TestYooKassa.refundSucceeds(paymentId);
        api.post("/api/v1/admin/payments/" + paymentId + "/refunds", Map.of("reason", "no connection"), shop.admin())
                .expect(200);
        assertThat(db.balance(buyer.id(), "MAIN")).isZero();
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ? AND kind = 'PROMO_BONUS' "
                + "AND amount_minor = -2000", buyer.id())).isEqualTo(1);
    }

    @Test
    void aReferralBindsOnceAndItsEarningsAreWithdrawnThroughAnAdmin() {
        Shop.Customer referrer = shop.customer();
        long number = shop.number(referrer.id());
        Shop.Customer invited = shop.customer("ref_" + number);
        Shop.Customer stranger = shop.customer("ref_999999999");
        assertThat(referrerOf(invited.id())).isEqualTo(referrer.id());
        assertThat(referrerOf(stranger.id())).isNull();

        // Three purchases from the balance: 5 % off the first only; 10 % of each payment to the referrer.
        shop.credit(invited.id(), 100_000);
        long total = 0;
        for (int i = 0; i < 3; i++) {
            total += money.order(invited, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE"),
                    "r" + i)
                    .get("amountMinor").asLong();
        }
        assertThat(total).isEqualTo(18_905 + 19_900 + 19_900);
        long earned = 1_890 + 1_990 + 1_990;
        JsonNode info = api.get("/api/v1/me/referral", referrer.token()).expect(200).json();
        assertThat(info.get("invitees").asInt()).isEqualTo(1);
        assertThat(info.get("earnedMinor").asLong()).isEqualTo(earned);
        assertThat(info.get("startParameter").asString()).isEqualTo("ref_" + number);

        settings.put(ShopSettings.REFERRAL_WITHDRAWAL_MIN, "5000",
                Setting.ValueType.MONEY, "test");
        api.post("/api/v1/me/referral/withdrawals", Map.of("amountMinor", 4_999, "method", "card", "details", "x"),
                referrer.token()).problem(400, "validation_failed");
        long requestId = api.post("/api/v1/me/referral/withdrawals", Map.of("amountMinor", earned, "method", "card",
                "details", "2200 0000 0000 0000"), referrer.token()).expect(201).json().get("id").asLong();
        api.post("/api/v1/me/referral/withdrawals", Map.of("amountMinor", 5_000, "method", "card", "details", "x"),
                referrer.token()).problem(409, "withdrawal_pending");
        // operators see the payout details masked; admins (who pay out) see them whole
        String operator = Operators.signedIn(new Api(port),
                jdbc,
                passwords, "wd").token();
        assertThat(api.get("/api/v1/admin/withdrawals?status=requested&limit=200", operator).expect(200).json()
                .valueStream().filter(w -> w.get("id").asLong() == requestId).findFirst().orElseThrow()
                .get("details").asString()).isEqualTo("•••• 0000");
        assertThat(api.get("/api/v1/admin/withdrawals?status=requested&limit=200", shop.admin()).expect(200).json()
                .valueStream().filter(w -> w.get("id").asLong() == requestId).findFirst().orElseThrow()
                .get("details").asString()).isEqualTo("2200 0000 0000 0000");
        api.post("/api/v1/admin/withdrawals/" + requestId + "/approve", Map.of(), shop.admin()).expect(200);
        assertThat(db.balance(referrer.id(), "REFERRAL")).isZero();
        api.post("/api/v1/admin/withdrawals/" + requestId + "/approve", Map.of(), shop.admin())
                .problem(409, "withdrawal_decided");
    }

    @Test
    void anAdminAdjustmentNeedsAReasonCantOverdrawAndIsAudited() {
        Shop.Customer customer = shop.customer();
        String path = "/api/v1/admin/customers/" + customer.id() + "/balance-adjustments";
        api.post(path, Map.of("amountMinor", 5_000), shop.admin()).problem(400, "validation_failed");
        api.post(path, Map.of("amountMinor", 5_000, "reason", "goodwill"), shop.admin()).expect(200);
        api.post(path, Map.of("amountMinor", -5_001, "reason", "too much"), shop.admin()).problem(409,
                "insufficient_balance");
        JsonNode huge = api.post(path, Map.of("amountMinor", Long.MAX_VALUE, "reason", "typo"), shop.admin())
                .problem(400, "validation_failed");
        assertThat(huge.get("errors").get(0).get("code").asString()).isEqualTo("amount_out_of_range");
        api.post(path, Map.of("amountMinor", -10_000_001L, "reason", "typo"), shop.admin())
                .problem(400, "validation_failed");
        JsonNode text = api.post(path, Map.of("amountMinor", "5000", "reason", "a number as text"), shop.admin())
                .expect(400).json();
        assertThat(text.toString()).contains("amountMinor");
        assertThat(db.balance(customer.id(), "MAIN")).isEqualTo(5_000);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'balance.adjust' AND object_id = ?",
                Long.toString(customer.id()))).isEqualTo(1);
        JsonNode ledger = api.get("/api/v1/admin/customers/" + customer.id() + "/ledger",
                shop.admin()).expect(200).json();
        assertThat(ledger.get("mainMinor").asLong()).isEqualTo(5_000);
        assertThat(ledger.get("lines").get(0).get("reason").asString()).isEqualTo("goodwill");
    }

    private Long referrerOf(long customerId) {
        return jdbc.sql("SELECT referrer_id FROM customers WHERE id = :id").param("id", customerId)
                .query(Long.class).optional().orElse(null);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
