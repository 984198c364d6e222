package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans a customer has paid for at least once (new key or extension), whatever happened to the key since. */
@Repository
public class PurchasedPlans {

    private final JdbcClient jdbc;

    public PurchasedPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> planIds(long customerId) {
        return jdbc.sql("""
                SELECT DISTINCT plan_id FROM orders
                WHERE customer_id = :customerId AND plan_id IS NOT NULL AND status IN ('PAID', 'FULFILLED')""")
                .param("customerId", customerId)
                .query(Long.class).list();
    }
}
