package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * A long job run (a broadcast to thousands) doesn't hold back the others on its node: fixed-delay jobs, which is
 * every job here, run on a pool, not on one shared scheduler thread.
 */
class SchedulingIT extends IntegrationTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void aFixedDelayJobStillRunsWhileAnotherIsStuckInALongRun() throws Exception {
        CountDownLatch longRunStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        ScheduledFuture<?> broadcast = scheduler.scheduleWithFixedDelay(() -> {
            longRunStarted.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(50));
        try {
            assertThat(longRunStarted.await(30, TimeUnit.SECONDS)).isTrue();
            ScheduledFuture<?> provisioning = scheduler.scheduleWithFixedDelay(otherRan::countDown,
                    Duration.ofMillis(50));
            try {
                assertThat(otherRan.await(30, TimeUnit.SECONDS)).as("another job ran during the long run").isTrue();
            } finally {
                provisioning.cancel(false);
            }
        } finally {
            release.countDown();
            broadcast.cancel(false);
        }
    }
}
