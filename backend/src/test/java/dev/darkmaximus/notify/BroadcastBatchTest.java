package dev.darkmaximus.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A broadcast claims about two seconds of sending at a time, whatever batch size is configured. */
class BroadcastBatchTest {

    @Test
    void aBatchIsAtMostTwoSecondsOfSending() {
        assertThat(BroadcastRunner.batchFor(100, 25)).isEqualTo(50); // Telegram's default pace: 25 messages a second
        assertThat(BroadcastRunner.batchFor(100, 1_000)).isEqualTo(100);
        assertThat(BroadcastRunner.batchFor(20, 25)).isEqualTo(20);
        assertThat(BroadcastRunner.batchFor(100, 0)).isEqualTo(1);
    }
}
