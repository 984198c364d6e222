package dev.darkmaximus.subscription;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.Visibility;

/** The arithmetic of keys (SPEC §4.2–§4.3), kept free of I/O so every rule is testable on its own. */
public final class KeyTerms {

    /**
     * Whether a customer may buy more time for a key: it isn't revoked, and it was bought on a plan (a trial has
     * none) that is still on sale. The one definition: the key lists of the bot, the Mini App and the API offer
     * "extend" exactly when this holds, and an extension order is refused when it doesn't.
     */
    public static boolean extendable(boolean revoked, Long planId, Visibility planVisibility) {
        return !revoked && planId != null && planVisibility != null
                && planVisibility != Visibility.ARCHIVED;
    }

    private static final char[] ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long GIB = 1024L * 1024 * 1024;

    private KeyTerms() {
    }

    /**
     * New expiry of an extension: from the current expiry if it is still ahead, else from now, so an expired key
     * gets the whole period and an early renewal loses nothing. Months are calendar months in the shop's zone.
     */
    public static Instant extendedExpiry(Instant now, Instant currentExpiry, DurationUnit unit, int value, ZoneId zone) {
        Instant from = currentExpiry != null && currentExpiry.isAfter(now) ? currentExpiry : now;
        return plus(from, unit, value, zone);
    }

    public static Instant plus(Instant from, DurationUnit unit, int value, ZoneId zone) {
        ZonedDateTime start = from.atZone(zone);
        return switch (unit) {
            case MONTHS -> start.plusMonths(value).toInstant();
            case DAYS -> start.plusDays(value).toInstant();
            case HOURS -> from.plusSeconds(3600L * value);
        };
    }

    /** Panel-unique, deterministic client email: {@code dm<customerNumber>-k<keyId>} (+{@code -t} for a trial). */
    public static String panelEmail(long customerNumber, long keyId, boolean trial) {
        return "dm" + customerNumber + "-k" + keyId + (trial ? "-t" : "");
    }

    /** A random 16-character subscription id (no look-alike characters; ~80 bits). */
    public static String newSubscriptionId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    public static long gigabytes(int gb) {
        return gb * GIB;
    }

    /** The subscription URL under the host's subscription base, or null when the host has none. */
    public static String subscriptionUrl(String base, String subscriptionId) {
        if (base == null || base.isBlank()) {
            return null;
        }
        return (base.endsWith("/") ? base : base + "/") + subscriptionId;
    }
}
