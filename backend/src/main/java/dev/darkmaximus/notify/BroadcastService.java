package dev.darkmaximus.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.auth.StaffService;
import dev.darkmaximus.notify.persistence.BroadcastStore;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.telegram.SendQueue;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Broadcasts from compose to done (SPEC §11): drafts with a live audience count, a preview to the author's own
 * Telegram, a start now or at a time, pause/resume/cancel, and progress from the per-recipient rows. Every change is
 * audited. Sending itself is {@link BroadcastRunner}'s job.
 */
@Service
public class BroadcastService {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    private final BroadcastStore store;
    private final BroadcastMessages messages;
    private final StaffService staff;
    private final SendQueue sendQueue;
    private final AuditService audit;
    private final JsonMapper json;
    private final Clock clock;

    BroadcastService(BroadcastStore store, BroadcastMessages messages, StaffService staff, SendQueue sendQueue,
                     AuditService audit, JsonMapper json, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.staff = staff;
        this.sendQueue = sendQueue;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public BroadcastView create(BroadcastCommand command, Long authorId) {
        BroadcastCommand valid = validated(command);
        long id = store.insert(authorId, valid.text(), valid.imageFileId(), json.writeValueAsString(valid.buttons()),
                json.writeValueAsString(valid.audience()));
        BroadcastView view = get(id);
        audit.record("broadcast.create", "broadcast", id, null, view);
        return view;
    }

    @Transactional
    public BroadcastView update(long id, BroadcastCommand command) {
        BroadcastCommand valid = validated(command);
        BroadcastView before = get(id);
        if (store.updateDraft(id, valid.text(), valid.imageFileId(), json.writeValueAsString(valid.buttons()),
                json.writeValueAsString(valid.audience())) == 0) {
            throw notEditable(before);
        }
        BroadcastView after = get(id);
        audit.record("broadcast.update", "broadcast", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public BroadcastView get(long id) {
        return view(store.find(id).orElseThrow(() -> ApiException.notFound("broadcast", id)));
    }

    @Transactional(readOnly = true)
    public List<BroadcastView> list(Long before, int limit) {
        return store.list(before, limit).stream().map(this::view).toList();
    }

    /** Who got it and who didn't (and why), page by page; empty before the broadcast starts. */
    @Transactional(readOnly = true)
    public List<BroadcastRecipientView> recipients(long id, String status, Long after, int limit) {
        get(id);
        if (status != null && !Set.of("PENDING", "SENDING", "SENT", "BLOCKED", "FAILED", "INTERRUPTED")
                .contains(status)) {
            throw InvalidInputException.field("status", "invalid",
                    "PENDING, SENDING, SENT, BLOCKED, FAILED or INTERRUPTED");
        }
        return store.recipients(id, status, after, limit).stream().map(r -> new BroadcastRecipientView(r.customerId(),
                r.customerNumber(), r.status(), r.error(), r.sentAt())).toList();
    }

    /** How many customers the audience selects right now (banned and unreachable never count). */
    @Transactional(readOnly = true)
    public long count(BroadcastAudience audience) {
        return store.countAudience(filter(audience.validated()), clock.instant());
    }

    /** Sends the message to the author's own linked Telegram account, exactly as recipients will see it. */
    public void preview(long id, long staffId) {
        BroadcastView broadcast = get(id);
        long chat = staff.telegramIdOf(staffId).orElseThrow(() -> ApiException.conflict("telegram_not_linked",
                "Link your Telegram account to your staff profile to receive previews."));
        try {
            sendQueue.send(chat, SendQueue.Priority.URGENT, () -> messages.send(chat, broadcast));
        } catch (TelegramBotApi.Refused refused) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "telegram_refused",
                    "Telegram refused the message: " + refused.getMessage());
        } catch (TelegramBotApi.Blocked blocked) {
            throw ApiException.conflict("telegram_blocked", "Start the bot from your Telegram account first.");
        }
    }

    /** Starts at {@code at} (now or in the past = at the runner's next turn). */
    @Transactional
    public BroadcastView schedule(long id, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        return move(id, List.of("DRAFT", "SCHEDULED"), "SCHEDULED", when, "broadcast.schedule");
    }

    @Transactional
    public BroadcastView pause(long id) {
        return move(id, List.of("RUNNING", "SCHEDULED"), "PAUSED", null, "broadcast.pause");
    }

    /** A paused broadcast goes on where it stopped; one paused before it started starts now. */
    @Transactional
    public BroadcastView resume(long id) {
        BroadcastView current = get(id);
        String to = current.startedAt() == null ? "SCHEDULED" : "RUNNING";
        return move(id, List.of("PAUSED"), to, current.startedAt() == null ? clock.instant() : null, "broadcast.resume");
    }

    /** Stops for good; who already got it keeps it, nobody else will. */
    @Transactional
    public BroadcastView cancel(long id) {
        return move(id, List.of("DRAFT", "SCHEDULED", "RUNNING", "PAUSED"), "CANCELED", null, "broadcast.cancel");
    }

    /**
     * Queues again the recipients a stopped node left in doubt (INTERRUPTED): some of them may have got the message
     * already, so this is the admin's call, never automatic. A finished broadcast runs again for them.
     */
    @Transactional
    public BroadcastView resendInterrupted(long id) {
        BroadcastStore.Row row = store.lock(id).orElseThrow(() -> ApiException.notFound("Broadcast", id));
        if (!List.of("RUNNING", "PAUSED", "DONE").contains(row.status())) {
            throw ApiException.conflict("broadcast_state", "A " + row.status().toLowerCase(Locale.ROOT)
                    + " broadcast has nobody to resend to.");
        }
        int requeued = store.requeueInterrupted(id);
        if (requeued == 0) {
            throw ApiException.conflict("nothing_to_resend", "No recipient of this broadcast was interrupted.");
        }
        if ("DONE".equals(row.status())) {
            store.transition(id, List.of("DONE"), "RUNNING", null);
        }
        BroadcastView after = get(id);
        audit.record("broadcast.resend_interrupted", "broadcast", id, Map.of("status", row.status()),
                Map.of("status", after.status(), "requeued", requeued));
        return after;
    }

    private BroadcastView move(long id, List<String> from, String to, Instant scheduledAt, String action) {
        BroadcastView before = get(id);
        if (!store.transition(id, from, to, scheduledAt)) {
            throw ApiException.conflict("broadcast_state", "A " + before.status().name().toLowerCase(Locale.ROOT)
                    + " broadcast can't be moved to " + to.toLowerCase(Locale.ROOT) + ".");
        }
        BroadcastView after = get(id);
        audit.record(action, "broadcast", id, Map.of("status", before.status()), Map.of("status", after.status()));
        return after;
    }

    BroadcastView view(BroadcastStore.Row row) {
        BroadcastAudience audience = json.readValue(row.audienceJson(), BroadcastAudience.class);
        List<BroadcastView.Button> buttons = json.readValue(row.buttonsJson(), new TypeReference<>() { });
        BroadcastView.Progress progress;
        if (row.startedAt() == null) {
            long total = store.countAudience(filter(audience), clock.instant());
            progress = new BroadcastView.Progress(total, total, 0, 0, 0, 0, 0);
        } else {
            Map<String, Long> counts = store.counts(row.id());
            long pending = counts.getOrDefault("PENDING", 0L);
            long sending = counts.getOrDefault("SENDING", 0L);
            long sent = counts.getOrDefault("SENT", 0L);
            long blocked = counts.getOrDefault("BLOCKED", 0L);
            long failed = counts.getOrDefault("FAILED", 0L);
            long interrupted = counts.getOrDefault("INTERRUPTED", 0L);
            progress = new BroadcastView.Progress(pending + sending + sent + blocked + failed + interrupted, pending,
                    sending, sent, blocked, failed, interrupted);
        }
        return new BroadcastView(row.id(), BroadcastView.Status.valueOf(row.status()), row.text(), row.imageFileId(),
                buttons, audience, row.scheduledAt(), row.startedAt(), row.finishedAt(), row.authorId(), row.createdAt(),
                progress);
    }

    static BroadcastStore.Filter filter(BroadcastAudience audience) {
        return new BroadcastStore.Filter(audience.kind().name(), audience.days(), audience.hostId(), audience.groupId(),
                audience.language());
    }

    private static BroadcastCommand validated(BroadcastCommand command) {
        String text = command.text() == null ? "" : command.text().strip();
        String image = command.imageFileId() == null || command.imageFileId().isBlank() ? null
                : command.imageFileId().strip();
        if (text.isEmpty()) {
            throw InvalidInputException.field("text", "required", "the message must not be empty");
        }
        int limit = image == null ? MAX_TEXT : MAX_CAPTION;
        if (text.length() > limit) {
            throw InvalidInputException.field("text", "too_long", "at most " + limit + " characters"
                    + (image == null ? "" : " under an image"));
        }
        List<BroadcastView.Button> buttons = command.buttons() == null ? List.of() : command.buttons();
        if (buttons.size() > 8) {
            throw InvalidInputException.field("buttons", "too_many", "at most 8 buttons");
        }
        for (int i = 0; i < buttons.size(); i++) {
            BroadcastView.Button button = buttons.get(i);
            if (button.text() == null || button.text().isBlank() || button.text().length() > 64) {
                throw InvalidInputException.field("buttons[" + i + "].text", "invalid", "1–64 characters");
            }
            if (button.url() == null || !(button.url().startsWith("https://") || button.url().startsWith("tg://"))) {
                throw InvalidInputException.field("buttons[" + i + "].url", "invalid", "must start with https:// or tg://");
            }
        }
        BroadcastAudience audience = (command.audience() == null ? BroadcastAudience.everyone() : command.audience())
                .validated();
        return new BroadcastCommand(text, image, buttons, audience);
    }

    private static ApiException notEditable(BroadcastView broadcast) {
        return ApiException.conflict("broadcast_state", "A " + broadcast.status().name().toLowerCase(Locale.ROOT)
                + " broadcast can no longer be edited.");
    }
}
