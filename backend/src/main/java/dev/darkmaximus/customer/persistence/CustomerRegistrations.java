package dev.darkmaximus.customer.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.darkmaximus.customer.TelegramProfile;

/**
 * Registration as one atomic upsert: two first contacts racing (bot and Mini App) end as one customer, and only the
 * insert that really created the row puts the customer into the default group.
 */
@Repository
public class CustomerRegistrations {

    private final JdbcClient jdbc;

    public CustomerRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the customer's id and whether this call created them. */
    public Created upsert(TelegramProfile profile, Instant now) {
        Created created = jdbc.sql("""
                INSERT INTO customers (telegram_id, username, first_name, last_name, language, registered_at,
                                       created_at, updated_at)
                VALUES (:telegramId, :username, :firstName, :lastName, :language, :now, :now, :now)
                ON CONFLICT (telegram_id) DO UPDATE
                    SET username = EXCLUDED.username, first_name = EXCLUDED.first_name,
                        last_name = EXCLUDED.last_name, updated_at = EXCLUDED.updated_at
                RETURNING id, (xmax = 0) AS inserted""")
                .param("telegramId", profile.telegramId())
                .param("username", profile.username())
                .param("firstName", profile.firstName())
                .param("lastName", profile.lastName())
                .param("language", profile.shopLanguage())
                .param("now", Timestamp.from(now))
                .query(Created.class).single();
        if (created.inserted()) {
            jdbc.sql("""
                    INSERT INTO customer_group_members (customer_id, group_id)
                    SELECT :id, id FROM customer_groups WHERE is_default""")
                    .param("id", created.id()).update();
        }
        return created;
    }

    /**
     * Binds a just-registered customer to the referrer with this public number, once: never to themselves, never
     * over an existing referrer. Returns whether it bound.
     */
    public boolean bindReferrer(long customerId, long referrerNumber) {
        return jdbc.sql("""
                UPDATE customers c SET referrer_id = r.id, updated_at = now(), version = c.version + 1
                FROM customers r
                WHERE c.id = :id AND c.referrer_id IS NULL AND r.number = :number AND r.id <> c.id""")
                .param("id", customerId).param("number", referrerNumber).update() == 1;
    }

    /** How many customers this one brought. */
    public int countInvitees(long referrerId) {
        return jdbc.sql("SELECT count(*) FROM customers WHERE referrer_id = :id").param("id", referrerId)
                .query(Integer.class).single();
    }

    public record Created(long id, boolean inserted) {
    }
}
