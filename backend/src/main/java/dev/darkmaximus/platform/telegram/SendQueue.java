package dev.darkmaximus.platform.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one way unsolicited messages leave the shop (notifications, support relays, broadcasts): a priority queue
 * drained within Telegram's limits ({@link SendLimits}). Payment confirmations and support go before reminders,
 * reminders before broadcasts; a message to a chat that must wait doesn't hold up messages to other chats. A 429
 * pauses everything for its {@code retry_after} and the message is tried again in its place; other outcomes
 * (blocked, refused) complete the caller's future, which decides what they mean. Replies to a customer's own tap
 * are sent directly by the bot and are not queued.
 */
@Component
public class SendQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    public enum Priority { URGENT, NORMAL, BULK }

    /**
     * How long {@link #send} waits before handing the message back (the caller, an outbox task, retries later). Kept
     * short so a batch of outbox tasks stuck behind a long flood wait (20 × 10 s) ends well inside the outbox's
     * 5-minute lease and no other worker takes the same task while it may still go out.
     */
    private static final Duration SEND_PATIENCE = Duration.ofSeconds(10);
    /** A send already under way is waited for this long: an upload on a slow link, a short flood wait. */
    private static final Duration STARTED_PATIENCE = Duration.ofSeconds(60);
    /** {@link #SEND_PATIENCE}, shorter in tests that need a caller to run out of it. */
    private Duration patience = SEND_PATIENCE;

    private final SendLimits limits;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PriorityQueue<Job<?>> queue = new PriorityQueue<>(
            Comparator.<Job<?>, Priority>comparing(Job::priority).thenComparingLong(Job::seq));
    private final AtomicLong sequence = new AtomicLong();
    private Executor senders = Executors.newVirtualThreadPerTaskExecutor();
    private BotApiClient.Sleeper sleeper = duration -> Thread.sleep(duration);
    private volatile boolean running;
    private Thread dispatcher;

    @Autowired
    SendQueue(@Value("${dm.telegram.send.per-second:25}") int perSecond,
              @Value("${dm.telegram.send.group-per-minute:20}") int groupPerMinute,
              @Value("${dm.telegram.send.chat-interval:1s}") Duration chatInterval, Clock clock, MeterRegistry meters) {
        this.limits = new SendLimits(perSecond, groupPerMinute, chatInterval);
        this.clock = clock;
        this.meters = meters;
        for (Priority priority : Priority.values()) {
            meters.counter("dm.telegram.sent", "priority", priority.name()); // from 0, for increase()
        }
        meters.counter("dm.telegram.flood_waits");
    }

    /** For tests: a fake clock's sleeper and a same-thread executor make the queue deterministic. */
    SendQueue(int perSecond, int groupPerMinute, Clock clock, MeterRegistry meters, BotApiClient.Sleeper sleeper,
              Executor senders) {
        this(perSecond, groupPerMinute, Duration.ofSeconds(1), clock, meters);
        this.sleeper = sleeper;
        this.senders = senders;
    }

    /** Messages per second the queue sends at most, all chats together. */
    public int perSecond() {
        return limits.perSecond();
    }

    /** Queues a send to {@code chatId}; the future completes with its result or its final failure. */
    public <T> CompletableFuture<T> submit(long chatId, Priority priority, Supplier<T> send) {
        Job<T> job = new Job<>(chatId, priority, sequence.incrementAndGet(), send, new CompletableFuture<>());
        synchronized (queue) {
            queue.add(job);
            queue.notifyAll();
        }
        return job.result();
    }

    /** Sends and waits: for callers (outbox handlers, the broadcast runner) that are themselves background work. */
    public <T> T send(long chatId, Priority priority, Supplier<T> send) {
        CompletableFuture<T> result = submit(chatId, priority, send);
        try {
            return result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // The caller (an outbox task) will try again later; the queued copy is withdrawn so it can't go twice.
            if (withdraw(result)) {
                throw new TelegramBotApi.RetryLater("send queue backlog", SEND_PATIENCE);
            }
            // Already being sent (a slow upload): giving up now would let the retry send it a second time.
            return awaitStarted(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            withdraw(result);
            throw new TelegramBotApi.RetryLater("interrupted", SEND_PATIENCE);
        }
    }

    void patience(Duration patience) {
        this.patience = patience;
    }

    /** @return whether the job was still waiting (and is now gone); false = it is being sent or was sent */
    private boolean withdraw(CompletableFuture<?> result) {
        synchronized (queue) {
            return queue.removeIf(job -> job.result() == result);
        }
    }

    private static <T> T awaitStarted(CompletableFuture<T> result) {
        try {
            return result.get(STARTED_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new TelegramBotApi.RetryLater("send still running", SEND_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramBotApi.RetryLater("interrupted", SEND_PATIENCE);
        }
    }

    /** Dispatches until the queue is empty (what the dispatcher thread does whenever work arrives). */
    void drain() throws InterruptedException {
        while (true) {
            Job<?> next;
            Instant wait;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    return;
                }
                Instant now = clock.instant();
                next = null;
                wait = null;
                List<Job<?>> skipped = new ArrayList<>();
                Instant overall = limits.earliestOverall(now);
                boolean held = overall.isAfter(now); // the overall budget or a 429 pause holds every chat alike
                if (held) {
                    wait = overall;
                }
                while (!held && !queue.isEmpty()) {
                    Job<?> candidate = queue.poll();
                    Instant earliest = limits.earliest(candidate.chatId(), now);
                    if (!earliest.isAfter(now)) {
                        next = candidate;
                        break;
                    }
                    wait = wait == null || earliest.isBefore(wait) ? earliest : wait;
                    skipped.add(candidate);
                }
                queue.addAll(skipped);
                if (next != null) {
                    limits.sent(next.chatId(), now);
                }
            }
            if (next == null) {
                sleeper.sleep(Duration.between(clock.instant(), wait));
                continue;
            }
            Job<?> job = next;
            senders.execute(() -> run(job));
        }
    }

    private <T> void run(Job<T> job) {
        try {
            T result = job.send().get();
            meters.counter("dm.telegram.sent", "priority", job.priority().name()).increment();
            job.result().complete(result);
        } catch (TelegramBotApi.RetryLater later) {
            meters.counter("dm.telegram.flood_waits").increment();
            synchronized (queue) {
                limits.pause(clock.instant().plus(later.after()));
                queue.add(job);
                queue.notifyAll();
            }
        } catch (RuntimeException e) {
            job.result().completeExceptionally(e);
        }
    }

    @Override
    public void start() {
        running = true;
        dispatcher = Thread.ofPlatform().daemon().name("telegram-send-queue").start(() -> {
            while (running) {
                try {
                    synchronized (queue) {
                        while (queue.isEmpty() && running) {
                            queue.wait(1_000);
                        }
                    }
                    drain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.atError().setCause(e).log("send queue dispatcher failed; continuing");
                }
            }
        });
    }

    /** Unsent messages are handed back to their callers (outbox tasks retry them on the next start). */
    @Override
    public void stop() {
        running = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        synchronized (queue) {
            queue.forEach(job -> job.result().completeExceptionally(
                    new TelegramBotApi.RetryLater("shutting down", Duration.ofSeconds(5))));
            queue.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Job<T>(long chatId, Priority priority, long seq, Supplier<T> send, CompletableFuture<T> result) {
    }
}
