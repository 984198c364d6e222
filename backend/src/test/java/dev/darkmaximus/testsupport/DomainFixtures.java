package dev.darkmaximus.testsupport;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Minimal rows that domain tables point at, inserted with SQL so persistence tests don't depend on services. */
public final class DomainFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;

    public DomainFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long customer() {
        return jdbc.sql("INSERT INTO customers (telegram_id, first_name) VALUES (:t, 'Fixture') RETURNING id")
                .param("t", 100_000_000_000L + SEQUENCE.incrementAndGet()).query(Long.class).single();
    }

    public long host() {
        return jdbc.sql("""
                INSERT INTO hosts (name, panel_type, base_url, username, inbound_ids)
                VALUES (:n, 'XUI_V2', 'https://panel.test', 'admin', '1') RETURNING id""")
                .param("n", "fixture-host-" + SEQUENCE.incrementAndGet()).query(Long.class).single();
    }

    public long plan(long hostId) {
        return jdbc.sql("""
                INSERT INTO plans (host_id, name_ru, name_en, duration_unit, duration_value)
                VALUES (:h, 'Месяц', 'Month', 'MONTHS', 1) RETURNING id""")
                .param("h", hostId).query(Long.class).single();
    }

    public long order(long customerId, long planId) {
        return jdbc.sql("""
                INSERT INTO orders (kind, customer_id, plan_id, amount_minor, currency, base_minor, payment_method,
                                    expires_at)
                VALUES ('NEW_KEY', :c, :p, 19900, 'RUB', 19900, 'YOOKASSA', now() + interval '30 minutes')
                RETURNING id""")
                .param("c", customerId).param("p", planId).query(Long.class).single();
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }
}
