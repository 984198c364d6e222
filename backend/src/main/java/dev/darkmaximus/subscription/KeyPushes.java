package dev.darkmaximus.subscription;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxService;

/**
 * Queues "make the panel match this key" in the transaction that changed the key. One task per (key, version): a
 * change is pushed once, and the task always pushes the key's state as it is when it runs, so late or repeated
 * tasks converge on the newest state.
 */
@Component
class KeyPushes {

    static final String KIND = "key.push";

    private final OutboxService outbox;

    KeyPushes(OutboxService outbox) {
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void push(long keyId, int version) {
        outbox.enqueue(KIND, new JsonDocument("{\"keyId\":" + keyId + "}"), KIND + ":" + keyId + ":" + version);
    }
}
