package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.LedgerKind;
import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/** SPEC §4.4: renewal from the balance with a ledger entry, or a message and no debt. */
class AutoRenewalIT extends PanelBackedTest {

    @Autowired
    AutoRenewal renewal;
    @Autowired
    ExpiryReminders reminders;
    @Autowired
    BalanceService balances;
    @Autowired
    TransactionTemplate transactions;

    private long planId;

    @BeforeEach
    void setUp() {
        planId = shop.plan(hostId, "visible"); // 199 ₽ a month
    }

    private void topUp(long customerId, long kopecks) {
        transactions.executeWithoutResult(tx -> balances.credit(customerId, Money.of(kopecks, Currency.RUB),
                LedgerKind.TOP_UP, "test", null, "test top-up", "test"));
    }

    private int notifications(String dedupKey) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE dedup_key = :k").param("k", dedupKey)
                .query(Integer.class).single();
    }

    @Test
    void enoughBalanceRenewsOnceWithALedgerEntryAndAMessage() {
        Shop.Customer customer = shop.customer();
        topUp(customer.id(), 25_000);
        Instant expiry = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, planId, expiry, "ON");

        renewal.runOnce();
        renewal.runOnce();

        assertThat(shop.expiresAt(keyId)).isEqualTo(KeyTerms.plus(expiry, DurationUnit.MONTHS, 1, settings.timeZone()));
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).isEqualTo(5_100);
        assertThat(jdbc.sql("""
                SELECT amount_minor FROM balance_entries WHERE customer_id = :c AND kind = 'RENEWAL'
                  AND reference_type = 'key' AND reference_id = :k""")
                .param("c", customer.id()).param("k", keyId).query(Long.class).list()).containsExactly(-19_900L);
        assertThat(notifications("renewed:" + keyId + ":" + expiry.getEpochSecond())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_tasks WHERE dedup_key LIKE :k")
                .param("k", "key.push:" + keyId + ":%").query(Integer.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/me/keys", customer.token()).expect(200).json().get(0).get("expiresAt").asString())
                .isEqualTo(shop.expiresAt(keyId).toString());
    }

    @Test
    void tooLittleBalanceLeavesNoDebtAndTellsTheCustomerByHowMuchOnce() {
        Shop.Customer customer = shop.customer();
        topUp(customer.id(), 100);
        Instant expiry = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, planId, expiry, "INHERIT"); // default is on

        renewal.runOnce();
        renewal.runOnce();

        assertThat(shop.expiresAt(keyId)).isEqualTo(expiry);
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).isEqualTo(100);
        String dedup = "renewal-failed:" + keyId + ":" + expiry.getEpochSecond();
        assertThat(notifications(dedup)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT template_key || ' ' || (params ->> 'shortfall') FROM notifications WHERE dedup_key = :k")
                .param("k", dedup).query(String.class).single()).isEqualTo("key.renewal_failed.balance 198 ₽");
    }

    @Test
    void anArchivedPlanIsNotRenewedAndTheCustomerIsToldWhy() {
        Shop.Customer customer = shop.customer();
        topUp(customer.id(), 50_000);
        long archived = shop.plan(hostId, "archived");
        Instant expiry = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, archived, expiry, "ON");

        renewal.runOnce();

        assertThat(shop.expiresAt(keyId)).isEqualTo(expiry);
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).isEqualTo(50_000);
        assertThat(jdbc.sql("SELECT template_key FROM notifications WHERE dedup_key = :k")
                .param("k", "renewal-failed:" + keyId + ":" + expiry.getEpochSecond()).query(String.class).single())
                .isEqualTo("key.renewal_failed.plan");
    }

    @Test
    void aKeyThatWillRenewGetsAWillRenewNoteInsteadOfAReminder() {
        Shop.Customer customer = shop.customer();
        topUp(customer.id(), 20_000);
        Instant expiry = Instant.now().plus(60, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, planId, expiry, "ON");

        reminders.remind();

        assertThat(notifications("will-renew:" + keyId + ":" + expiry.getEpochSecond())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE dedup_key LIKE :k")
                .param("k", "expiry:" + keyId + ":%").query(Integer.class).single()).isZero();
    }

    @Test
    void aCustomerWhoTurnedAutoRenewalOffForAllKeysIsNotCharged() {
        Shop.Customer customer = shop.customer();
        topUp(customer.id(), 25_000);
        Instant expiry = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long inherits = shop.activeKey(customer.id(), hostId, planId, expiry, "INHERIT");
        long keepsOn = shop.activeKey(customer.id(), hostId, planId, expiry, "ON");

        api.put("/api/v1/me/auto-renew", Map.of("enabled", false), customer.token()).expect(200);
        renewal.runOnce();

        assertThat(shop.expiresAt(inherits)).isEqualTo(expiry);
        assertThat(shop.expiresAt(keepsOn)).isAfter(expiry);
        assertThat(balances.balance(customer.id(), Currency.RUB).amount()).isEqualTo(5_100);
        api.put("/api/v1/me/auto-renew", Map.of(), customer.token()).problem(400, "validation_failed");
    }
}
