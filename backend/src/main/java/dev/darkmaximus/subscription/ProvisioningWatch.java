package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.notify.AdminAlerts;
import dev.darkmaximus.notify.NotificationService;
import dev.darkmaximus.notify.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * No silent waiting: a key still being prepared after the shop's threshold (a panel down, a panel refusing) tells its
 * customer plainly, once, and the admins get one alert naming the keys and hosts. The key is stamped in the same
 * transaction as the messages are queued, so a second node or a rerun never tells anyone twice.
 */
@Component
public class ProvisioningWatch {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotificationService notifications;
    private final AdminAlerts alerts;
    private final HostService hosts;
    private final ShopSettings settings;
    private final Clock clock;

    ProvisioningWatch(JdbcClient jdbc, TransactionTemplate transactions, NotificationService notifications,
                      AdminAlerts alerts, HostService hosts, ShopSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notifications = notifications;
        this.alerts = alerts;
        this.hosts = hosts;
        this.settings = settings;
        this.clock = clock;
    }

    record Delayed(long id, long customerId, long hostId, int number, Instant createdAt) {
    }

    /** Tells the customers of keys that crossed the threshold since the last run; returns how many. */
    public int runOnce() {
        Instant now = clock.instant();
        Duration threshold = settings.provisioningNoticeAfter();
        List<Delayed> delayed = transactions.execute(tx -> {
            List<Delayed> claimed = jdbc.sql("""
                            UPDATE vpn_keys SET delay_notified_at = :now
                            WHERE id IN (SELECT id FROM vpn_keys
                                         WHERE status = 'PROVISIONING' AND delay_notified_at IS NULL
                                           AND created_at < :before
                                         ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED)
                            RETURNING id, customer_id, host_id, number, created_at""")
                    .param("now", java.sql.Timestamp.from(now))
                    .param("before", java.sql.Timestamp.from(now.minus(threshold)))
                    .query(Delayed.class).list();
            for (Delayed key : claimed) {
                notifications.queue(key.customerId(), "key_delayed", Templates.KEY_DELAYED,
                        Map.of("key_number", Integer.toString(key.number())), "key.delayed:" + key.id());
            }
            if (!claimed.isEmpty()) {
                alerts.queue(alert(claimed, threshold), "keys.delayed:" + claimed.getFirst().id());
            }
            return claimed;
        });
        return delayed == null ? 0 : delayed.size();
    }

    private String alert(List<Delayed> keys, Duration threshold) {
        String byHost = keys.stream().collect(Collectors.groupingBy(Delayed::hostId, java.util.TreeMap::new,
                        Collectors.mapping(k -> "#" + k.id(), Collectors.joining(", "))))
                .entrySet().stream()
                .map(e -> "\"" + hosts.get(e.getKey()).name() + "\": key id " + e.getValue())
                .collect(Collectors.joining("; "));
        return "⏳ " + keys.size() + " key(s) still being prepared after " + KeyFormats.timeLeft(threshold) + " ("
                + byHost + "). Their customers were told. See Outbox for the panel's answer.";
    }
}
