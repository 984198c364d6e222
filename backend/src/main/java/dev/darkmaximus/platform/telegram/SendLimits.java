package dev.darkmaximus.platform.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Telegram's sending limits as arithmetic on instants (no clock of its own, so it is tested on a fake one): at most
 * {@code perSecond} messages in any second overall, one per {@code chatInterval} (a second) to a private chat,
 * {@code groupPerMinute} per
 * minute to a group (negative chat ids), and nothing at all while a 429 pause lasts. Not thread-safe: the send
 * queue's dispatcher is its only user.
 */
final class SendLimits {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perSecond;
    private final int groupPerMinute;
    private final Duration chatInterval;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final Map<Long, Instant> lastToChat = new HashMap<>();
    private final Map<Long, Deque<Instant>> toGroup = new HashMap<>();
    private Instant pausedUntil = Instant.MIN;

    int perSecond() {
        return perSecond;
    }

    SendLimits(int perSecond, int groupPerMinute, Duration chatInterval) {
        this.perSecond = perSecond;
        this.groupPerMinute = groupPerMinute;
        this.chatInterval = chatInterval;
    }

    /** The earliest instant any message may go, whatever the chat. */
    Instant earliestOverall(Instant now) {
        forgetBefore(now);
        Instant at = now.isAfter(pausedUntil) ? now : pausedUntil;
        return recent.size() >= perSecond ? max(at, recent.peekFirst().plus(SECOND)) : at;
    }

    /** The earliest instant a message to {@code chatId} may go, {@code now} if it may go at once. */
    Instant earliest(long chatId, Instant now) {
        forgetBefore(now);
        Instant at = now.isAfter(pausedUntil) ? now : pausedUntil;
        if (recent.size() >= perSecond) {
            at = max(at, recent.peekFirst().plus(SECOND));
        }
        if (chatId < 0) {
            Deque<Instant> sent = toGroup.get(chatId);
            if (sent != null && sent.size() >= groupPerMinute) {
                at = max(at, sent.peekFirst().plus(MINUTE));
            }
        } else {
            Instant last = lastToChat.get(chatId);
            if (last != null) {
                at = max(at, last.plus(chatInterval));
            }
        }
        return at;
    }

    void sent(long chatId, Instant at) {
        recent.addLast(at);
        if (chatId < 0) {
            toGroup.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addLast(at);
        } else {
            lastToChat.put(chatId, at);
        }
    }

    /** Telegram said 429: nothing goes out until {@code until}. */
    void pause(Instant until) {
        pausedUntil = max(pausedUntil, until);
    }

    private void forgetBefore(Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(SECOND).isAfter(now)) {
            recent.removeFirst();
        }
        if (lastToChat.size() > 10_000) {
            lastToChat.values().removeIf(last -> !last.plus(chatInterval).isAfter(now));
        }
        for (Iterator<Deque<Instant>> it = toGroup.values().iterator(); it.hasNext(); ) {
            Deque<Instant> sent = it.next();
            while (!sent.isEmpty() && !sent.peekFirst().plus(MINUTE).isAfter(now)) {
                sent.removeFirst();
            }
            if (sent.isEmpty()) {
                it.remove();
            }
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
