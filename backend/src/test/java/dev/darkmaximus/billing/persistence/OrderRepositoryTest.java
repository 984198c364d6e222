package dev.darkmaximus.billing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.testsupport.TestDatabase;

/**
 * A persistence slice: the order aggregate's mapping and its compare-and-set transitions against the real schema
 * (Liquibase on PostgreSQL), without the rest of the application. Each test rolls back.
 */
@DataJdbcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "dev\\.darkmaximus\\.platform\\.(TimeConfiguration|db\\.(JdbcConfiguration|JsonDocumentConverters))"))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class OrderRepositoryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    @Autowired
    OrderRepository orders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrderRoundTripsWithItsEnumsAndMoney() {
        Order saved = orders.save(topUp(customer(), 50_000));

        Order read = orders.findById(saved.id()).orElseThrow();
        assertThat(read.kind()).isEqualTo(OrderKind.TOP_UP);
        assertThat(read.currency()).isEqualTo(Currency.RUB);
        assertThat(read.amountMinor()).isEqualTo(50_000);
        assertThat(read.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(read.createdAt()).as("stamped by auditing").isNotNull();
        assertThat(orders.findByIdempotencyKey(read.customerId(), read.idempotencyKey())).contains(read);
    }

    @Test
    void aTransitionMovesOnlyFromTheStatusItExpects() {
        Order order = orders.save(topUp(customer(), 10_000));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        assertThat(orders.transition(order.id(), "OPEN", "PAID", at)).isEqualTo(1);
        assertThat(orders.transition(order.id(), "OPEN", "EXPIRED", at))
                .as("a second node that still thinks it is open moves nothing").isZero();

        Order paid = orders.findById(order.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidAt()).isEqualTo(at);
        assertThat(paid.fulfilledAt()).isNull();
        assertThat(paid.version()).isEqualTo(order.version() + 1);
    }

    private long customer() {
        return jdbc.sql("INSERT INTO customers (telegram_id) VALUES (:t) RETURNING id")
                .param("t", ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50)).query(Long.class).single();
    }

    private static Order topUp(long customerId, long amountMinor) {
        return new Order(null, OrderKind.TOP_UP, customerId, null, null, amountMinor, Currency.RUB, amountMinor, 0, 0,
                null, 0, 0, null, PaymentMethod.YOOKASSA, OrderStatus.OPEN, "slice-" + System.nanoTime(),
                Instant.now().plus(1, ChronoUnit.HOURS), null, null, null, null, 0);
    }
}
