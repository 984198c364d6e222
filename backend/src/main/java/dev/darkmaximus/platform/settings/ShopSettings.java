package dev.darkmaximus.platform.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.platform.settings.persistence.SettingRepository;

/**
 * Typed shop settings (SPEC §13) with their defaults in code: a setting nobody changed has no row. Reads are cached
 * briefly so jobs and requests don't hit the database for each one; a write here invalidates at once, and other
 * nodes see it within the cache's lifetime.
 */
@Service
public class ShopSettings {

    public static final String TRIAL_ENABLED = "trial.enabled";
    public static final String TRIAL_DAYS = "trial.days";
    public static final String TRIAL_TRAFFIC_GB = "trial.traffic-gb";
    public static final String TRIAL_HOST_ID = "trial.host-id";
    public static final String REMINDER_OFFSETS = "reminders.offsets";
    public static final String RENEWAL_WINDOW = "reminders.renewal-window";
    public static final String SYNC_INTERVAL = "sync.interval";
    public static final String TIME_ZONE = "general.time-zone";
    public static final String GRACE_DELETE = "keys.grace-delete";
    public static final String GRACE_PERIOD = "keys.grace-period";

    private final SettingRepository repository;
    private final Clock clock;
    private final LoadingCache<String, Optional<String>> cache;

    ShopSettings(SettingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(500)
                .build(key -> repository.findById(key).map(Setting::value));
    }

    public boolean trialEnabled() {
        return bool(TRIAL_ENABLED, true);
    }

    public int trialDays() {
        return integer(TRIAL_DAYS, 3);
    }

    public int trialTrafficGb() {
        return integer(TRIAL_TRAFFIC_GB, 0);
    }

    /** The host trial keys are made on; empty → the first enabled host in display order. */
    public Optional<Long> trialHostId() {
        return raw(TRIAL_HOST_ID).filter(v -> !v.isBlank()).map(Long::parseLong);
    }

    /** How long before expiry reminders go out, largest first (default 72 h, 24 h, 1 h); expiry itself is implied. */
    public List<Duration> reminderOffsets() {
        return raw(REMINDER_OFFSETS).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(DurationStyle::detectAndParse).sorted(java.util.Comparator.reverseOrder()).toList())
                .orElse(List.of(Duration.ofHours(72), Duration.ofHours(24), Duration.ofHours(1)));
    }

    /** How long before expiry auto-renewal may charge the balance. */
    public Duration renewalWindow() {
        return duration(RENEWAL_WINDOW, Duration.ofHours(24));
    }

    public Duration syncInterval() {
        return duration(SYNC_INTERVAL, Duration.ofMinutes(15));
    }

    /** Whether keys expired longer than {@link #gracePeriod()} are deleted from their panel (SPEC §4.6). */
    public boolean graceDelete() {
        return bool(GRACE_DELETE, true);
    }

    public Duration gracePeriod() {
        return duration(GRACE_PERIOD, Duration.ofDays(5));
    }

    public ZoneId timeZone() {
        return raw(TIME_ZONE).map(ZoneId::of).orElse(ZoneId.of("Europe/Moscow"));
    }

    /** Stores a value (the settings screen validates and audits; this is the one write path). */
    @Transactional
    public void put(String key, String value, Setting.ValueType type, String updatedBy) {
        repository.upsert(key, value, type.name(), false, updatedBy, clock.instant());
        cache.invalidate(key);
    }

    /** Drops every cached value, e.g. after a test or an import changed settings behind this node's back. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private Optional<String> raw(String key) {
        return cache.get(key);
    }

    private boolean bool(String key, boolean fallback) {
        return raw(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    private int integer(String key, int fallback) {
        return raw(key).map(Integer::parseInt).orElse(fallback);
    }

    private Duration duration(String key, Duration fallback) {
        return raw(key).map(DurationStyle::detectAndParse).orElse(fallback);
    }
}
