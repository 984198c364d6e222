package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * Reminds customers before a key expires (SPEC §4.6) and tells them when it has. Each reminder's dedup key names the
 * key, its expiry and the offset, so it goes out once per expiry even with several nodes running this job at the
 * same moment, and again after the key is extended. Only the nearest due offset is sent: a key bought with two hours
 * left gets "1 hour", not three messages at once. An offset as long as the key's whole term is not sent at all: a
 * 3-day trial would otherwise hear "expires in 3 days" seconds after "your key is ready".
 */
@Service
class ExpiryReminders {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

    private final VpnKeyRepository keys;
    private final KeyQueries queries;
    private final AutoRenewal renewal;
    private final BalanceService balances;
    private final NotificationService notifications;
    private final KeyFormats formats;
    private final ShopSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RenewalCharges> charges;
    private final Clock clock;

    ExpiryReminders(VpnKeyRepository keys, KeyQueries queries, AutoRenewal renewal, BalanceService balances,
                    NotificationService notifications, KeyFormats formats, ShopSettings settings,
                    TransactionTemplate transactions, ApplicationEventPublisher events,
                    ObjectProvider<RenewalCharges> charges, Clock clock) {
        this.charges = charges;
        this.keys = keys;
        this.queries = queries;
        this.renewal = renewal;
        this.balances = balances;
        this.notifications = notifications;
        this.formats = formats;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Queues the reminders due now; returns how many were new. */
    public int remind() {
        Instant now = clock.instant();
        List<Duration> offsets = settings.reminderOffsets();
        if (offsets.isEmpty()) {
            return 0;
        }
        int queued = 0;
        Duration widest = offsets.stream().max(Duration::compareTo).orElseThrow();
        String offsetSeconds = String.join(",", offsets.stream().map(o -> Long.toString(o.toSeconds())).toList());
        // 500 a run, every 5 minutes, is 144,000 reminders a day: a million keys with three offsets need about 8,000.
        for (VpnKey key : keys.findNeedingReminder(now, now.plus(widest), offsetSeconds, 500)) {
            Duration left = Duration.between(now, key.expiresAt());
            Duration offset = offsets.stream().filter(o -> left.compareTo(o) <= 0).min(Duration::compareTo).orElse(null);
            try {
                if (offset != null && Boolean.TRUE.equals(transactions.execute(tx -> remind(key, offset, left)))) {
                    queued++;
                }
            } catch (RuntimeException e) { // one key's trouble must not hold up the reminders of all the others
                log.atError().addKeyValue("keyId", key.id()).setCause(e).log("expiry reminder failed");
            }
        }
        return queued;
    }

    /** Flips keys past their expiry to expired and tells their owners; returns how many expired. */
    public int expireDue() {
        return transactions.execute(tx -> {
            List<Long> expired = keys.expireDue(clock.instant());
            for (long keyId : expired) {
                VpnKey key = keys.findById(keyId).orElseThrow();
                events.publishEvent(new KeyExpired(keyId, key.customerId(), key.number(), key.expiresAt()));
            }
            return expired.size();
        });
    }

    private boolean remind(VpnKey key, Duration offset, Duration left) {
        // Marked even when the notification below turns out to be a duplicate or is not sent: the key is not
        // scanned again for this offset, and the next smaller one still comes when it is due.
        keys.markReminded(key.id(), key.expiresAt(), offset.toSeconds());
        Instant started = key.startsAt() != null ? key.startsAt() : key.createdAt();
        if (started != null && offset.compareTo(Duration.between(started, key.expiresAt())) >= 0) {
            return false;
        }
        String expiryTag = key.id() + ":" + key.expiresAt().getEpochSecond();
        KeyView view = queries.get(key.id());
        if (view.autoRenewEffective()) {
            AutoRenewal.RenewalTerms terms = renewal.terms(view);
            RenewalCharges cards = charges.getIfAvailable();
            Optional<String> card = terms.refusal() == null && cards != null ? cards.cardOf(key.customerId())
                    : Optional.empty();
            if (card.isPresent()) {
                return notifications.queue(key.customerId(), "key_will_renew", Templates.KEY_WILL_RENEW_CARD,
                        Map.of("key_number", Integer.toString(key.number()),
                                "expires_at", formats.dateTime(key.expiresAt()),
                                "amount", KeyFormats.money(terms.price()), "card", card.get()),
                        "will-renew:" + expiryTag).isPresent();
            }
            if (terms.refusal() == null && balances.balance(key.customerId(), AutoRenewal.BALANCE_CURRENCY).amount()
                    >= terms.price().amount()) {
                return notifications.queue(key.customerId(), "key_will_renew", Templates.KEY_WILL_RENEW,
                        Map.of("key_number", Integer.toString(key.number()),
                                "expires_at", formats.dateTime(key.expiresAt()),
                                "amount", KeyFormats.money(terms.price())), "will-renew:" + expiryTag).isPresent();
            }
        }
        return notifications.queue(key.customerId(), "key_expiring", Templates.KEY_EXPIRING,
                Map.of("key_number", Integer.toString(key.number()), "expires_at", formats.dateTime(key.expiresAt()),
                        "time_left", KeyFormats.timeLeft(left)),
                "expiry:" + expiryTag + ":" + offset.toSeconds()).isPresent();
    }
}
