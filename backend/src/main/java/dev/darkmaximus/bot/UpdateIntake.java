package dev.darkmaximus.bot;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

import dev.darkmaximus.bot.persistence.BotUpdates;

/**
 * Where every update enters, from long polling or the webhook: it is claimed by id (so a redelivery, a second replica
 * or a retry after a crash handles it once), dispatched, and marked done. A payment update that fails is given back
 * and its failure propagates, so Telegram delivers it again; any other failure is logged and the update closed, so
 * one bad message can't block the stream.
 */
@Component
class UpdateIntake {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);
    /** An update claimed this long ago and never finished belonged to a node that died. */
    private static final Duration TAKEOVER_AFTER = Duration.ofMinutes(2);

    private final BotUpdates updates;
    private final BotDispatcher dispatcher;
    private final Clock clock;

    UpdateIntake(BotUpdates updates, BotDispatcher dispatcher, Clock clock) {
        this.updates = updates;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** @return false when this update was already handled (or is being handled elsewhere) */
    public boolean receive(Update update) {
        long id = update.getUpdateId();
        if (!updates.claim(id, clock.instant(), TAKEOVER_AFTER)) {
            log.atDebug().addKeyValue("update", id).log("duplicate update ignored");
            return false;
        }
        try {
            dispatcher.dispatch(update);
        } catch (RuntimeException e) {
            if (BotDispatcher.isPayment(update)) {
                updates.release(id);
                throw e;
            }
            log.atError().setCause(e).addKeyValue("update", id).log("update failed; closed without retry");
        }
        updates.done(id, clock.instant());
        return true;
    }
}
