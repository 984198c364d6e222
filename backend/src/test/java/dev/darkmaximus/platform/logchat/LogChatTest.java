package dev.darkmaximus.platform.logchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The log chat's grouping: the same thing counted once with ×N, not repeated within ten minutes, capped. */
class LogChatTest {

    private final LogChat chat = new LogChat(null, null, Clock.systemUTC());
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    private static LogChatAppender.Entry error(String pattern, String message) {
        return new LogChatAppender.Entry("ERROR", "dev.darkmaximus.payment.PaymentJobs", pattern, message,
                "java.net.ConnectException", "refused <x>");
    }

    @Test
    void theSameErrorIsOneMessageWithItsCountAndEscaped() {
        List<String> sent = chat.messages(new LogChatAppender.Drained(List.of(error("check {} failed", "check 1 failed"),
                error("check {} failed", "check 2 failed"), error("check {} failed", "check 3 failed")), 0), now);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).startsWith("🔴 <b>ERROR</b> PaymentJobs ×3\ncheck 1 failed")
                .contains("<code>java.net.ConnectException: refused &lt;x&gt;</code>");
    }

    @Test
    void aRepeatWithinTenMinutesWaitsAndIsCountedInTheNextOne() {
        LogChatAppender.Drained once = new LogChatAppender.Drained(List.of(error("boom", "boom")), 0);
        assertThat(chat.messages(once, now)).hasSize(1);
        assertThat(chat.messages(once, now.plusSeconds(60))).isEmpty();
        assertThat(chat.messages(once, now.plusSeconds(120))).isEmpty();
        assertThat(chat.messages(once, now.plus(LogChat.REPEAT_AFTER).plusSeconds(1)))
                .singleElement().asString().contains("×3");
    }

    @Test
    void aStormIsCappedAndTheRestCounted() {
        List<LogChatAppender.Entry> storm = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            storm.add(error("distinct " + i, "distinct " + i));
        }
        List<String> sent = chat.messages(new LogChatAppender.Drained(storm, 7), now);
        assertThat(sent).hasSize(LogChat.MAX_PER_FLUSH + 1);
        assertThat(sent.getLast()).isEqualTo("… and " + (20 - LogChat.MAX_PER_FLUSH + 7) + " more; see the backend's log.");
    }
}
