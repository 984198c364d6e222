package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * No silent waiting: a key still being prepared after the shop's threshold (a panel down, a panel refusing) tells its
 * customer plainly, once, and the admins get one alert naming the keys and hosts. The key is stamped in the same
 * transaction as the messages are queued, so a second node or a rerun never tells anyone twice.
 */
@Component
public class ProvisioningWatch {

    private final VpnKeyRepository keys;
    private final TransactionTemplate transactions;
    private final NotificationService notifications;
    private final AdminAlerts alerts;
    private final HostService hosts;
    private final ShopSettings settings;
    private final Clock clock;

    ProvisioningWatch(VpnKeyRepository keys, TransactionTemplate transactions, NotificationService notifications,
                      AdminAlerts alerts, HostService hosts, ShopSettings settings, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.notifications = notifications;
        this.alerts = alerts;
        this.hosts = hosts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Tells the customers of keys that crossed the threshold since the last run; returns how many. */
    public int runOnce() {
        Instant now = clock.instant();
        Duration threshold = settings.provisioningNoticeAfter();
        List<VpnKeyRepository.DelayedKey> delayed = transactions.execute(tx -> {
            List<VpnKeyRepository.DelayedKey> claimed = keys.claimDelayed(now, now.minus(threshold));
            for (VpnKeyRepository.DelayedKey key : claimed) {
                notifications.queue(key.customerId(), "key_delayed", Templates.KEY_DELAYED,
                        Map.of("key_number", Integer.toString(key.number())), "key.delayed:" + key.id());
            }
            if (!claimed.isEmpty()) {
                alerts.queue(AlertTemplates.KEYS_DELAYED, alert(claimed, threshold),
                        "keys.delayed:" + claimed.getFirst().id());
            }
            return claimed;
        });
        return delayed == null ? 0 : delayed.size();
    }

    private Map<String, String> alert(List<VpnKeyRepository.DelayedKey> late, Duration threshold) {
        String byHost = late.stream().collect(Collectors.groupingBy(VpnKeyRepository.DelayedKey::hostId, TreeMap::new,
                        Collectors.mapping(k -> "#" + k.id(), Collectors.joining(", "))))
                .entrySet().stream()
                .map(e -> "\"" + hosts.get(e.getKey()).name() + "\": key id " + e.getValue())
                .collect(Collectors.joining("; "));
        return Map.of("count", Integer.toString(late.size()), "threshold", KeyFormats.timeLeft(threshold),
                "by_host", byHost);
    }
}
