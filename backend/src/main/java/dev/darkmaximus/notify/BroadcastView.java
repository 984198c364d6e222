package dev.darkmaximus.notify;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A broadcast and its progress. Until it starts, {@code total} is the audience's live size; from then on it is the
 * fixed list of recipients, and {@code sent + blocked + failed + interrupted + pending + sending = total}.
 */
@Schema(name = "Broadcast")
public record BroadcastView(long id, Status status, String text, String imageFileId, List<Button> buttons,
                            BroadcastAudience audience, Instant scheduledAt, Instant startedAt, Instant finishedAt,
                            Long authorId, Instant createdAt, Progress progress) {

    public enum Status { DRAFT, SCHEDULED, RUNNING, PAUSED, DONE, CANCELED }

    /** A URL button under the message. */
    @Schema(name = "BroadcastButton")
    public record Button(@Schema(example = "Open the shop") String text,
                         @Schema(example = "https://t.me/my_vpn_bot?start=promo_SPRING") String url) {
    }

    /**
     * @param interrupted claimed by a node that stopped mid-send: they may or may not have arrived, and are not sent
     *                    again unless an admin resends to them
     */
    @Schema(name = "BroadcastProgress")
    public record Progress(long total, long pending, long sending, long sent, long blocked, long failed,
                           @Schema(description = "Claimed by a node that stopped mid-send: may or may not have "
                                   + "arrived; sent again only when an admin resends to them.") long interrupted) {

        public long done() {
            return sent + blocked + failed + interrupted;
        }
    }
}
