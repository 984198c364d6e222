package dev.darkmaximus.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;

import dev.darkmaximus.platform.telegram.TelegramProperties;
import dev.darkmaximus.bot.persistence.BotUpdates;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Brings updates in as configured ({@code dm.telegram.updates}): a long-polling thread (the default; no public URL
 * needed), or the webhook, registered with Telegram at start-up when {@code dm.telegram.webhook-url} is set. The
 * poll's offset only moves past an update once the intake took it, so a crash re-reads it and the intake's dedup
 * keeps it from being handled twice.
 */
@Component
class UpdateSource implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateSource.class);
    static final List<String> ALLOWED = List.of("message", "callback_query", "pre_checkout_query", "my_chat_member");
    private static final int POLL_SECONDS = 25;

    private final TelegramProperties telegram;
    private final BotApiClient api;
    private final UpdateIntake intake;
    private final BotUpdates updates;
    private final Clock clock;
    private final boolean jobs;
    private volatile boolean running;
    private volatile Thread poller;
    private long offset;

    UpdateSource(TelegramProperties telegram, BotApiClient api, UpdateIntake intake, BotUpdates updates, Clock clock,
                 @Value("${dm.jobs.enabled:true}") boolean jobs) {
        this.telegram = telegram;
        this.api = api;
        this.intake = intake;
        this.updates = updates;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Override
    public void start() {
        running = true;
        if (!telegram.botConfigured()) {
            return;
        }
        switch (telegram.updates()) {
            case "polling" -> {
                poller = Thread.ofPlatform().daemon().name("telegram-poller").start(this::pollForever);
                log.info("Telegram bot: receiving updates by long polling");
            }
            case "webhook" -> registerWebhook();
            default -> log.info("Telegram bot: update intake is off (dm.telegram.updates={})", telegram.updates());
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = poller;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Polls once and hands every update to the intake; returns how many arrived. */
    int pollOnce(Duration wait) {
        List<Update> batch = api.execute(GetUpdates.builder().offset((int) offset).timeout((int) wait.toSeconds())
                .allowedUpdates(ALLOWED).build(), wait.plusSeconds(10));
        for (Update update : batch) {
            intake.receive(update);
            offset = update.getUpdateId() + 1L;
        }
        return batch.size();
    }

    private void pollForever() {
        try {
            // A webhook left over from an earlier set-up makes getUpdates fail with 409; polling replaces it.
            api.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        } catch (RuntimeException e) {
            log.atWarn().log("could not remove a Telegram webhook before polling: {}", e.getMessage());
        }
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                pollOnce(Duration.ofSeconds(POLL_SECONDS));
                backoff = Duration.ofSeconds(1);
            } catch (TelegramBotApi.RetryLater later) {
                sleep(later.after());
            } catch (RuntimeException e) {
                log.atWarn().log("Telegram polling failed: {}; retrying in {}", e.getMessage(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void registerWebhook() {
        if (telegram.webhookUrl().isBlank() || telegram.webhookSecret().isBlank()) {
            log.info("Telegram bot: webhook mode; set dm.telegram.webhook-url and webhook-secret to register it,"
                    + " or register /telegram/webhook/<secret> yourself");
            return;
        }
        String url = telegram.webhookUrl().replaceAll("/+$", "") + "/telegram/webhook/" + telegram.webhookSecret();
        try {
            api.execute(SetWebhook.builder().url(url).secretToken(telegram.webhookSecret()).allowedUpdates(ALLOWED)
                    .build());
            log.info("Telegram bot: webhook registered");
        } catch (RuntimeException e) {
            log.atError().log("Telegram webhook registration failed: {}", e.getMessage());
        }
    }

    /** Telegram keeps an update for at most 24 hours, so older claims can't be needed again. */
    @Scheduled(fixedDelayString = "${dm.jobs.bot-update-cleanup-interval:6h}",
            initialDelayString = "${dm.jobs.initial-delay:30s}")
    void forgetOldUpdates() {
        if (jobs) {
            updates.forgetBefore(clock.instant().minus(Duration.ofDays(2)));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
