package dev.darkmaximus.platform.outbox;

import java.util.Optional;

import dev.darkmaximus.platform.db.JsonDocument;

/**
 * Performs one kind of side effect. Runs outside any transaction, at least once per task: it must be idempotent
 * (check whether the work is already done before doing it). Throwing means "try again later".
 */
public interface OutboxHandler {

    String kind();

    void handle(JsonDocument payload) throws Exception;

    /** This kind's own retries; empty: the outbox's defaults ({@code dm.outbox.*}). */
    default Optional<OutboxRetry> retry() {
        return Optional.empty();
    }

    /** Called once when the task runs out of attempts, so the owner can mark its object failed for an admin. */
    default void onDeadLetter(JsonDocument payload) {
    }
}
