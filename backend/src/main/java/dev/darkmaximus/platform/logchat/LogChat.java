package dev.darkmaximus.platform.logchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Mirrors the backend's errors (and warnings, if chosen) to the admins' log chat, as DM2 did (SPEC §16): grouped by
 * what happened (the same message pattern from the same place counts once, "×N"), one message per group, at most
 * {@link #MAX_PER_FLUSH} messages every few seconds, and an identical group not repeated within
 * {@link #REPEAT_AFTER}. Sent straight through the Bot API, not the outbox: the log chat must work when the database
 * doesn't.
 */
@Component
public class LogChat {

    static final int MAX_PER_FLUSH = 5;
    static final Duration REPEAT_AFTER = Duration.ofMinutes(10);
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(LogChat.class);

    private final LogChatAppender appender = new LogChatAppender();
    private final ShopSettings settings;
    private final TelegramBotApi telegram;
    private final Clock clock;
    /** When each group was last sent, and how many came since without being sent. */
    private final Map<String, Instant> lastSent = new LinkedHashMap<>();
    private final Map<String, Integer> suppressed = new LinkedHashMap<>();
    private volatile Optional<Long> chat = Optional.empty();

    LogChat(ShopSettings settings, TelegramBotApi telegram, Clock clock) {
        this.settings = settings;
        this.telegram = telegram;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void attach() {
        refreshSettings();
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.setName("log-chat");
        appender.start();
        root().addAppender(appender);
    }

    @EventListener(ContextClosedEvent.class)
    void detach() {
        root().detachAppender(appender);
        appender.stop();
    }

    /** The chat and level from the settings, read once a minute (never from the logging thread). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refreshSettings() {
        try {
            chat = settings.logChatId();
            appender.threshold(Level.toLevel(settings.logChatLevel(), Level.ERROR));
        } catch (RuntimeException e) { // the database may be down: keep what we had
            log.atDebug().log("log chat settings not read: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    public void flush() {
        LogChatAppender.Drained drained = appender.drain();
        Optional<Long> target = chat;
        if (target.isEmpty() || !telegram.configured()) {
            return;
        }
        List<String> messages = messages(drained, clock.instant());
        for (String text : messages) {
            try {
                telegram.sendMessage(target.get(), text);
            } catch (RuntimeException e) { // Telegram down or the chat gone: the log has it all anyway
                log.atDebug().log("log chat message not sent: {}", e.toString());
                return;
            }
        }
    }

    /** Groups, drops repeats within the window, caps the count; package-private for the unit test. */
    synchronized List<String> messages(LogChatAppender.Drained drained, Instant now) {
        Map<String, List<LogChatAppender.Entry>> groups = new LinkedHashMap<>();
        drained.entries().forEach(e -> groups.computeIfAbsent(e.dedupKey(), k -> new ArrayList<>()).add(e));
        List<String> out = new ArrayList<>();
        int over = 0;
        for (Map.Entry<String, List<LogChatAppender.Entry>> group : groups.entrySet()) {
            String key = group.getKey();
            Instant last = lastSent.get(key);
            if (last != null && last.plus(REPEAT_AFTER).isAfter(now)) {
                suppressed.merge(key, group.getValue().size(), Integer::sum);
                continue;
            }
            if (out.size() >= MAX_PER_FLUSH) {
                over += group.getValue().size();
                continue;
            }
            int count = group.getValue().size() + suppressed.getOrDefault(key, 0);
            suppressed.remove(key);
            lastSent.put(key, now);
            out.add(text(group.getValue().getFirst(), count));
        }
        if (over > 0 || drained.dropped() > 0) {
            out.add("… and " + (over + drained.dropped()) + " more; see the backend's log.");
        }
        lastSent.entrySet().removeIf(e -> e.getValue().plus(REPEAT_AFTER.multipliedBy(6)).isBefore(now));
        return out;
    }

    private static String text(LogChatAppender.Entry e, int count) {
        String icon = "ERROR".equals(e.level()) ? "🔴" : "🟠";
        String where = e.logger().substring(e.logger().lastIndexOf('.') + 1);
        StringBuilder text = new StringBuilder(icon + " <b>" + e.level() + "</b> " + HtmlUtils.htmlEscape(where)
                + (count > 1 ? " ×" + count : "") + "\n" + HtmlUtils.htmlEscape(cut(e.message(), 1500)));
        if (e.exception() != null) {
            text.append("\n<code>").append(HtmlUtils.htmlEscape(e.exception()
                    + (e.exceptionMessage() == null ? "" : ": " + cut(e.exceptionMessage(), 500)))).append("</code>");
        }
        return text.toString();
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
