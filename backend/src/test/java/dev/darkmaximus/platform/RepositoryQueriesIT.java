package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.auth.persistence.ApiKeyRepository;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.billing.persistence.PaymentRepository;
import dev.darkmaximus.billing.persistence.PaymentTransition;
import dev.darkmaximus.billing.persistence.PaymentTransitionRepository;
import dev.darkmaximus.billing.persistence.PromoRedemptionRepository;
import dev.darkmaximus.billing.persistence.RefundRepository;
import dev.darkmaximus.billing.persistence.WithdrawalRequestRepository;
import dev.darkmaximus.customer.persistence.ReferralLinkRepository;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.support.persistence.TicketMessageRepository;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * Repository queries written for flows that later milestones build. Spring Data doesn't check @Query SQL at start-up,
 * so each one runs here at least once against the real schema.
 */
class RepositoryQueriesIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderRepository orders;
    @Autowired
    PaymentRepository payments;
    @Autowired
    PaymentTransitionRepository transitions;
    @Autowired
    RefundRepository refunds;
    @Autowired
    WithdrawalRequestRepository withdrawals;
    @Autowired
    PromoRedemptionRepository redemptions;
    @Autowired
    ApiKeyRepository apiKeys;
    @Autowired
    ReferralLinkRepository referralLinks;
    @Autowired
    TicketMessageRepository ticketMessages;

    @Test
    void everyQueryRunsAgainstTheSchema() {
        Instant now = Instant.now();
        DomainFixtures fixtures = new DomainFixtures(jdbc);
        long customer = fixtures.customer();
        long order = fixtures.order(customer, fixtures.plan(fixtures.host()));
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute', idempotency_key = 'k1' WHERE id = :id")
                .param("id", order).update();

        assertThat(orders.findExpiredOpen(now, 10_000)).extracting(o -> o.id()).contains(order);
        assertThat(orders.findByIdempotencyKey(customer, "k1")).isPresent();
        long payment = payments.save(Payment.pending(order,
                PaymentMethod.STARS, "stuck-" + UUID.randomUUID(), 100,
                Currency.XTR)).id();
        assertThat(payments.findStuck(now.plusSeconds(1), 10_000)).extracting(p -> p.id()).contains(payment);
        transitions.save(PaymentTransition.of(payment, null, "PENDING", "test", null, now));
        assertThat(transitions.findByPayment(payment)).hasSize(1);
        assertThat(refunds.findByPayment(payment)).isEmpty();
        jdbc.sql("INSERT INTO withdrawal_requests (customer_id, amount_minor, currency, method, details) "
                + "VALUES (:c, 100, 'RUB', 'CARD', '2200 0000 0000 0000')").param("c", customer).update();
        assertThat(withdrawals.findOpen()).extracting(w -> w.customerId()).contains(customer);
        assertThat(withdrawals.findOpenOf(customer)).isPresent();
        assertThat(redemptions.countByCustomer(1, customer)).isZero();
        assertThat(apiKeys.findActiveByHash("0".repeat(64))).isEmpty();
        assertThat(referralLinks.findByCode("nothing")).isEmpty();
        assertThat(ticketMessages.findByTicket(-1)).isEmpty();
    }
}
