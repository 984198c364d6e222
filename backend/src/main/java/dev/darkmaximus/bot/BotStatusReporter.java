package dev.darkmaximus.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.telegram.TelegramProperties;

/** Says at start-up whether Telegram is wired, so an operator isn't left guessing why the bot is silent. */
@Component
class BotStatusReporter {

    private static final Logger log = LoggerFactory.getLogger(BotStatusReporter.class);

    private final TelegramProperties telegram;

    BotStatusReporter(TelegramProperties telegram) {
        this.telegram = telegram;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (telegram.botToken().isBlank()) {
            log.info("Telegram bot is off: set TELEGRAM_BOT_TOKEN to enable it and Mini App sign-in");
        } else {
            log.info("Telegram bot token configured: chat bot ({} updates) and Mini App sign-in are on",
                    telegram.updates());
        }
    }
}
