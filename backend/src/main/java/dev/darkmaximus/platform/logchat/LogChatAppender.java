package dev.darkmaximus.platform.logchat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Takes warnings and errors off the logging thread into a bounded queue for {@link LogChat} to send: logging never
 * waits for Telegram, never fails, and a storm drops the excess (counted) instead of filling the heap. The sender's
 * own package is skipped, so a failing send can't feed itself.
 */
class LogChatAppender extends AppenderBase<ILoggingEvent> {

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(1000);
    private final AtomicLong dropped = new AtomicLong();
    private volatile Level threshold = Level.ERROR;

    void threshold(Level level) {
        this.threshold = level;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(threshold)
                || event.getLoggerName().startsWith(LogChat.class.getPackageName())
                || event.getLoggerName().startsWith("dev.darkmaximus.platform.telegram")) {
            return;
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        Entry entry = new Entry(event.getLevel().toString(), event.getLoggerName(), event.getMessage(),
                event.getFormattedMessage(), thrown == null ? null : thrown.getClassName(),
                thrown == null ? null : thrown.getMessage());
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    /** Everything queued since the last call, and how many were dropped meanwhile. */
    Drained drain() {
        List<Entry> entries = new ArrayList<>();
        queue.drainTo(entries);
        return new Drained(entries, dropped.getAndSet(0));
    }

    /**
     * @param pattern the message before its arguments were filled in: what makes two entries "the same"
     */
    record Entry(String level, String logger, String pattern, String message, String exception,
                 String exceptionMessage) {

        String dedupKey() {
            return level + "|" + logger + "|" + pattern + "|" + exception;
        }
    }

    record Drained(List<Entry> entries, long dropped) {
    }
}
