package dev.darkmaximus.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads straight from the database, for what a test must check beyond what the API shows. */
public final class Db {

    private final JdbcClient jdbc;

    public Db(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A single count; {@code ?} placeholders take {@code params} in order. */
    public long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }

    public String paymentStatus(long paymentId) {
        return jdbc.sql("SELECT status FROM payments WHERE id = :id").param("id", paymentId).query(String.class).single();
    }

    public String orderStatus(long orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    /** A customer's rouble balance on one account ({@code MAIN} or {@code REFERRAL}), 0 if it has none. */
    public long balance(long customerId, String account) {
        return jdbc.sql("""
                SELECT COALESCE((SELECT balance_minor FROM balance_accounts
                                 WHERE customer_id = :c AND account = :a AND currency = 'RUB'), 0)""")
                .param("c", customerId).param("a", account).query(Long.class).single();
    }
}
