package dev.darkmaximus.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.billing.LedgerKind;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PromoKind;
import dev.darkmaximus.billing.persistence.BalanceAccount;
import dev.darkmaximus.billing.persistence.BalanceAccountRepository;
import dev.darkmaximus.billing.persistence.LedgerEntry;
import dev.darkmaximus.billing.persistence.LedgerRepository;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.billing.persistence.PaymentRepository;
import dev.darkmaximus.billing.persistence.PromoCode;
import dev.darkmaximus.billing.persistence.PromoCodeRepository;
import dev.darkmaximus.catalog.PurchaseHistory;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.IntegrationTest;

class BillingPersistenceIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentRepository payments;
    @Autowired
    OrderRepository orders;
    @Autowired
    BalanceAccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    PromoCodeRepository promoCodes;
    @Autowired
    PurchaseHistory purchaseHistory;

    DomainFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DomainFixtures(jdbc);
    }

    @Test
    void theDatabaseRefusesANegativeBalance() {
        long customer = fixtures.customer();
        accounts.ensureExists(customer, "MAIN", "RUB");
        long accountId = accounts.findForUpdate(customer, "MAIN", "RUB").orElseThrow().id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE balance_accounts SET balance_minor = -1 WHERE id = :id")
                .param("id", accountId).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(accounts.apply(accountId, 5_000, Instant.now())).contains(5_000L);
        assertThat(accounts.apply(accountId, -5_001, Instant.now())).isEmpty();
        assertThat(accounts.apply(accountId, -5_000, Instant.now())).contains(0L);
    }

    @Test
    void ledgerEntriesRoundTripNewestFirst() {
        long customer = fixtures.customer();
        accounts.ensureExists(customer, "MAIN", "RUB");
        BalanceAccount account = accounts.findForUpdate(customer, "MAIN", "RUB").orElseThrow();
        ledger.save(new LedgerEntry(null, account.id(), customer, 10_000, Currency.RUB, LedgerKind.TOP_UP,
                "payment", 1L, null, 10_000, "system", Instant.now()));
        ledger.save(new LedgerEntry(null, account.id(), customer, -3_000, Currency.RUB,
                LedgerKind.ADMIN_ADJUSTMENT, null, null, "goodwill correction", 7_000, "staff:1", Instant.now()));

        assertThat(ledger.findStatement(customer, null, 10)).extracting(LedgerEntry::amountMinor)
                .containsExactly(-3_000L, 10_000L);
        assertThatThrownBy(() -> ledger.save(new LedgerEntry(null, account.id(), customer, -1, Currency.RUB,
                LedgerKind.ADMIN_ADJUSTMENT, null, null, null, 6_999, "staff:1", Instant.now())))
                .as("an admin adjustment needs a reason").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aProviderPaymentIdCanBeStoredOnlyOnce() {
        long order = fixtures.order(fixtures.customer(), fixtures.plan(fixtures.host()));
        String pid = DomainFixtures.unique("yk-");
        payments.save(Payment.pending(order, PaymentMethod.YOOKASSA, pid, 19_900, Currency.RUB));

        assertThatThrownBy(() -> payments.save(Payment.pending(order, PaymentMethod.YOOKASSA, pid, 19_900,
                Currency.RUB))).isInstanceOf(DataIntegrityViolationException.class);
        payments.save(Payment.pending(order, PaymentMethod.STARS, pid, 100, Currency.XTR));
    }

    @Test
    void aDuplicateSuccessIsANoOpAndALateCancelChangesNothing() {
        long order = fixtures.order(fixtures.customer(), fixtures.plan(fixtures.host()));
        String pid = DomainFixtures.unique("yk-");
        Payment saved = payments.save(Payment.pending(order, PaymentMethod.YOOKASSA, pid, 19_900, Currency.RUB));

        assertThat(payments.markSucceeded("YOOKASSA", pid, Instant.now())).isEqualTo(1);
        assertThat(payments.markSucceeded("YOOKASSA", pid, Instant.now())).isZero();
        assertThat(payments.close(saved.id(), "CANCELED", Instant.now())).isZero();
        assertThat(payments.findById(saved.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void providerSnapshotsAreStoredAsJsonb() {
        long order = fixtures.order(fixtures.customer(), fixtures.plan(fixtures.host()));
        Payment pending = Payment.pending(order, PaymentMethod.YOOKASSA, DomainFixtures.unique("yk-"), 19_900,
                Currency.RUB);
        Payment withSnapshot = new Payment(null, pending.orderId(), pending.provider(), pending.providerPaymentId(),
                pending.amountMinor(), pending.currency(), pending.status(), 0, "https://yoomoney.ru/checkout/x",
                new JsonDocument("{\"status\": \"pending\", \"paid\": false}"), null, null, null, null, 0);

        Payment loaded = payments.findById(payments.save(withSnapshot).id()).orElseThrow();

        assertThat(loaded.providerSnapshot().json()).contains("\"paid\": false");
        assertThat(jdbc.sql("SELECT provider_snapshot->>'status' FROM payments WHERE id = :id")
                .param("id", loaded.id()).query(String.class).single()).isEqualTo("pending");
    }

    @Test
    void orderTransitionsAreCompareAndSet() {
        long customer = fixtures.customer();
        long plan = fixtures.plan(fixtures.host());
        long order = fixtures.order(customer, plan);

        assertThat(orders.transition(order, "OPEN", "PAID", Instant.now())).isEqualTo(1);
        assertThat(orders.transition(order, "OPEN", "PAID", Instant.now())).isZero();
        assertThat(orders.findById(order).orElseThrow().paidAt()).isNotNull();
        assertThat(purchaseHistory.plansBoughtBy(customer)).isEqualTo(Set.of(plan));
    }

    @Test
    void promoCodesAreCaseInsensitiveAndTheirLimitHolds() {
        String code = DomainFixtures.unique("Spring");
        PromoCode promo = promoCodes.save(new PromoCode(null, code, PromoKind.PERCENT, 10, null, null, null, 1, 1,
                0, false, true, null, Set.of(), null, null, 0));

        assertThat(promoCodes.findByCode(code.toUpperCase())).isPresent();
        assertThatThrownBy(() -> promoCodes.save(new PromoCode(null, code.toLowerCase(), PromoKind.PERCENT, 5,
                null, null, null, null, 1, 0, false, true, null, Set.of(), null, null, 0)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(promoCodes.takeUse(promo.id())).isEqualTo(1);
        assertThat(promoCodes.takeUse(promo.id())).as("total limit of 1 reached").isZero();
    }
}
