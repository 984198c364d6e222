package dev.darkmaximus.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.messaging.MessageFormats;

/** Time left as a person reads it (issue 23: a fresh 3-day trial said "2 days left"). */
class TimeLeftTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void daysLeftOnAKeyCardCountTheDayThatHasBegun() {
        assertThat(MessageFormats.daysLeft(NOW, NOW.plus(Duration.ofHours(72)).minusSeconds(5))).isEqualTo(3);
        assertThat(MessageFormats.daysLeft(NOW, NOW.plus(Duration.ofDays(30)))).isEqualTo(30);
        assertThat(MessageFormats.daysLeft(NOW, NOW.plus(Duration.ofHours(10)))).isEqualTo(1);
        assertThat(MessageFormats.daysLeft(NOW, NOW)).isZero();
        assertThat(MessageFormats.daysLeft(NOW, NOW.minusSeconds(60))).isZero();
    }

    @Test
    void remindersSayTheNearestWholeUnit() {
        // The job runs every few minutes, so each reminder goes out a little after its offset.
        assertThat(MessageFormats.timeLeft(Duration.ofHours(72).minusMinutes(5))).isEqualTo("3 d");
        assertThat(MessageFormats.timeLeft(Duration.ofHours(24).minusMinutes(5))).isEqualTo("1 d");
        assertThat(MessageFormats.timeLeft(Duration.ofHours(60))).isEqualTo("3 d");
        assertThat(MessageFormats.timeLeft(Duration.ofHours(36).minusMinutes(1))).isEqualTo("1 d");
        assertThat(MessageFormats.timeLeft(Duration.ofHours(5).plusMinutes(20))).isEqualTo("5 h");
        assertThat(MessageFormats.timeLeft(Duration.ofMinutes(55))).isEqualTo("1 h");
        assertThat(MessageFormats.timeLeft(Duration.ofMinutes(20))).isEqualTo("20 min");
        assertThat(MessageFormats.timeLeft(Duration.ofSeconds(10))).isEqualTo("1 min");
    }
}
