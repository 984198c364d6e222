package dev.darkmaximus.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.testsupport.TestClock;

/** The sender's limits and priorities, on a fake clock that only moves when the queue sleeps. */
class SendQueueTest {

    private static final int PER_SECOND = 25;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<Sent> sent = new ArrayList<>();
    private final SendQueue queue = new SendQueue(PER_SECOND, 20, clock, new SimpleMeterRegistry(),
            clock::advance, Runnable::run);

    @Test
    void thousandMessagesGoAtTheConfiguredRateEachExactlyOnce() throws Exception {
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            long chat = 1_000 + i % 200; // five messages to each of 200 chats
            int message = i;
            results.add(queue.submit(chat, SendQueue.Priority.BULK, () -> record(chat, message)));
        }

        queue.drain();

        assertThat(results).allMatch(CompletableFuture::isDone);
        assertThat(sent).extracting(Sent::message).doesNotHaveDuplicates().hasSize(1_000);
        assertNoSecondExceeds(PER_SECOND);
        assertChatsWaitASecondBetweenMessages();
        // 1,000 messages at 25/s cannot take less than 39 s and should not take much more.
        Duration took = Duration.between(sent.getFirst().at(), sent.getLast().at());
        assertThat(took).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(41));
    }

    @Test
    void aFloodWaitPausesEverythingAndTheMessageIsSentOnceAfterIt() throws Exception {
        boolean[] refusedOnce = {false};
        for (int i = 0; i < 100; i++) {
            long chat = 5_000 + i;
            int message = i;
            queue.submit(chat, SendQueue.Priority.BULK, () -> {
                if (message == 30 && !refusedOnce[0]) {
                    refusedOnce[0] = true;
                    throw new TelegramBotApi.RetryLater("Too Many Requests: retry after 7", Duration.ofSeconds(7));
                }
                return record(chat, message);
            });
        }
        Instant floodAt = null;

        queue.drain();

        assertThat(sent).extracting(Sent::message).doesNotHaveDuplicates().hasSize(100);
        for (int i = 1; i < sent.size(); i++) {
            Duration gap = Duration.between(sent.get(i - 1).at(), sent.get(i).at());
            if (gap.compareTo(Duration.ofSeconds(7)) >= 0) {
                floodAt = sent.get(i - 1).at();
            }
        }
        assertThat(floodAt).as("nothing is sent during the 7 s pause").isNotNull();
        assertThat(sent.stream().filter(s -> s.message() == 30).findFirst().orElseThrow().at())
                .isAfterOrEqualTo(floodAt.plusSeconds(7));
        assertNoSecondExceeds(PER_SECOND);
    }

    @Test
    void urgentMessagesOvertakeABroadcastAndABusyChatDoesNotHoldUpOthers() throws Exception {
        for (int i = 0; i < 60; i++) {
            int message = i;
            queue.submit(9_000 + i, SendQueue.Priority.BULK, () -> record(9_000 + message, message));
        }
        queue.submit(42, SendQueue.Priority.URGENT, () -> record(42, 1_000));
        queue.submit(42, SendQueue.Priority.URGENT, () -> record(42, 1_001));
        queue.submit(43, SendQueue.Priority.URGENT, () -> record(43, 1_002));

        queue.drain();

        assertThat(sent.get(0).message()).isEqualTo(1_000);
        assertThat(sent.get(1).message()).as("chat 42 must wait a second; chat 43 need not").isEqualTo(1_002);
        Sent second = sent.stream().filter(s -> s.message() == 1_001).findFirst().orElseThrow();
        assertThat(Duration.between(sent.get(0).at(), second.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(sent).hasSize(63);
    }

    @Test
    void aGroupGetsAtMostItsPerMinuteBudget() throws Exception {
        for (int i = 0; i < 45; i++) {
            int message = i;
            queue.submit(-100_777L, SendQueue.Priority.NORMAL, () -> record(-100_777L, message));
        }

        queue.drain();

        assertThat(sent).hasSize(45);
        for (int i = 20; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 20).at(), sent.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void aRefusalCompletesTheCallersFutureWithoutARetry() throws Exception {
        int[] attempts = {0};
        CompletableFuture<Integer> result = queue.submit(7, SendQueue.Priority.URGENT, () -> {
            attempts[0]++;
            throw new TelegramBotApi.Blocked("Forbidden: bot was blocked by the user");
        });

        queue.drain();

        assertThat(result).failsWithin(Duration.ZERO).withThrowableThat()
                .havingCause().isInstanceOf(TelegramBotApi.Blocked.class);
        assertThat(attempts[0]).isEqualTo(1);
    }

    @Test
    void aSendAlreadyUnderWayOutlastingTheCallersPatienceIsWaitedForNotSentAgain() throws Exception {
        // Long enough for the dispatcher below to pick the job up on a busy machine, short for a test.
        queue.patience(Duration.ofSeconds(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService callers = Executors.newSingleThreadExecutor();
        CompletableFuture<Integer> caller = CompletableFuture.supplyAsync(() -> queue.send(7,
                SendQueue.Priority.URGENT, () -> {
                    attempts.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS); // a photo upload on a slow link
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 42;
                }), callers);
        // Drains until the job has been picked up: the caller may not have queued it yet when this thread starts.
        Thread dispatcher = new Thread(() -> {
            try {
                while (started.getCount() > 0) {
                    queue.drain();
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dispatcher.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        // Three times its patience later the caller still waits: giving up would have the outbox send it again.
        assertThatThrownBy(() -> caller.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(caller.get(30, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(attempts).hasValue(1);
        dispatcher.join(30_000);
        callers.shutdown();
    }

    @Test
    void stoppingHandsUnsentMessagesBackToTheirCallers() {
        CompletableFuture<Integer> unsent = queue.submit(8, SendQueue.Priority.BULK, () -> record(8, 1));

        queue.stop();

        assertThat(unsent).failsWithin(Duration.ZERO).withThrowableThat()
                .havingCause().isInstanceOf(TelegramBotApi.RetryLater.class);
        assertThat(sent).isEmpty();
    }

    private int record(long chat, int message) {
        sent.add(new Sent(chat, message, clock.instant()));
        return message;
    }

    private void assertNoSecondExceeds(int limit) {
        for (int i = limit; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - limit).at(), sent.get(i).at()))
                    .as("message %d and the %d before it span at least a second", i, limit)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    private void assertChatsWaitASecondBetweenMessages() {
        Map<Long, Instant> last = new HashMap<>();
        for (Sent s : sent) {
            Instant previous = last.put(s.chat(), s.at());
            if (previous != null) {
                assertThat(Duration.between(previous, s.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    private record Sent(long chat, int message, Instant at) {
    }
}
