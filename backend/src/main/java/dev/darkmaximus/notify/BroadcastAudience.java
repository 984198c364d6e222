package dev.darkmaximus.notify;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * Who a broadcast goes to (SPEC §11). Banned customers and those who blocked the bot are always left out, whatever
 * the audience says; {@code language} narrows any audience further.
 */
@Schema(name = "BroadcastAudience", description = "kind picks the customers; EXPIRED_KEYS needs days, HOST needs "
        + "hostId, GROUP needs groupId; language (ru|en) optionally narrows any kind.")
public record BroadcastAudience(@Schema(example = "ACTIVE_KEYS") Kind kind,
                                @Schema(example = "30") Integer days,
                                Long hostId,
                                Long groupId,
                                @Schema(example = "ru") String language) {

    public enum Kind {
        /** Everyone reachable. */
        ALL,
        /** With at least one active key. */
        ACTIVE_KEYS,
        /** Whose last key expired within {@code days} and who have no active key now (win-back). */
        EXPIRED_KEYS,
        /** Never completed a payment. */
        NEVER_PAID,
        /** Took the trial and never paid. */
        TRIAL_ONLY,
        /** With an active key on {@code hostId}. */
        HOST,
        /** Members of customer group {@code groupId}. */
        GROUP
    }

    public static BroadcastAudience everyone() {
        return new BroadcastAudience(Kind.ALL, null, null, null, null);
    }

    /** Rejects an audience missing what its kind needs, with the field to fix. */
    public BroadcastAudience validated() {
        if (kind == null) {
            throw InvalidInputException.field("audience.kind", "required", "must be set");
        }
        if (kind == Kind.EXPIRED_KEYS && (days == null || days < 1 || days > 3650)) {
            throw InvalidInputException.field("audience.days", "out_of_range", "must be between 1 and 3650 for EXPIRED_KEYS");
        }
        if (kind == Kind.HOST && hostId == null) {
            throw InvalidInputException.field("audience.hostId", "required", "must be set for HOST");
        }
        if (kind == Kind.GROUP && groupId == null) {
            throw InvalidInputException.field("audience.groupId", "required", "must be set for GROUP");
        }
        if (language != null && !language.isBlank() && !language.equals("ru") && !language.equals("en")) {
            throw InvalidInputException.field("audience.language", "unsupported", "must be ru or en");
        }
        return new BroadcastAudience(kind, kind == Kind.EXPIRED_KEYS ? days : null, kind == Kind.HOST ? hostId : null,
                kind == Kind.GROUP ? groupId : null, language == null || language.isBlank() ? null : language);
    }
}
