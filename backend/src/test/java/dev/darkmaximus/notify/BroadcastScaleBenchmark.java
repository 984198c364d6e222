package dev.darkmaximus.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.darkmaximus.bench.BenchReport;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * `make bench`, scale: one broadcast to 100,000 customers through the real runner and send queue to WireMock standing
 * in for the Bot API, with the live heap sampled throughout. The test profile's send limit is out of the way, so the
 * figure is the shop's own ceiling, compared with Telegram's (about 30 messages a second per bot).
 */
@Tag("bench")
class BroadcastScaleBenchmark extends PanelBackedTest {

    private static final int RECIPIENTS = 100_000;
    private static final int TELEGRAM_CEILING_PER_SECOND = 30;

    @Autowired
    BroadcastRunner runner;
    @Value("${dm.telegram.send.per-second}")
    int configuredPerSecond;

    @Test
    void broadcastToAHundredThousandCustomers() throws Exception {
        long first = TestIds.telegramIds(RECIPIENTS);
        long group = shop.readers(first, RECIPIENTS);
        String marker = "scale-" + UUID.randomUUID();
        TestTelegram.server().stubFor(post(urlMatching("(?i)/bot" + InitData.TEST_BOT_TOKEN + "/sendMessage"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1764000000,"
                        + "\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
        long id = api.post("/api/v1/admin/broadcasts", Map.of("text", "News " + marker, "buttons", List.of(),
                "audience", Map.of("kind", "GROUP", "groupId", group)), shop.admin()).expect(201).json()
                .path("id").asLong();
        api.post("/api/v1/admin/broadcasts/" + id + "/schedule", Map.of(), shop.admin()).expect(200);

        long t0 = System.nanoTime();
        int sent;
        // WireMock keeps every request it served; forgetting them between samples keeps its journal out of the heap.
        try (BenchReport.HeapSampler heap = new BenchReport.HeapSampler(2_000,
                () -> TestTelegram.server().resetRequests())) {
            sent = runner.runOnce();
            heap.close();
            double seconds = BenchReport.seconds(t0);
            List<Long> samples = heap.samples();
            BenchReport.line("");
            BenchReport.line("### A broadcast to %,d customers", RECIPIENTS);
            BenchReport.line("");
            BenchReport.line("| what | figure | baseline | ratio |");
            BenchReport.line("|---|---|---|---|");
            BenchReport.line("| send rate (runner and send queue, Bot API in WireMock, limit lifted) | %,.0f msg/s "
                            + "(%,d in %.0f s) | Telegram's ceiling: %d msg/s per bot (production setting: %s) "
                            + "| %.0f× |", sent / seconds, sent, seconds, TELEGRAM_CEILING_PER_SECOND,
                    "25 msg/s", sent / seconds / TELEGRAM_CEILING_PER_SECOND);
            BenchReport.line("| live heap while sending (after a full GC, every 2 s; %d samples) | %d → %d MB, at most "
                            + "%d MB | before the broadcast: %d MB | %.2f× |", samples.size(), samples.getFirst(),
                    samples.getLast(), samples.stream().mapToLong(Long::longValue).max().orElse(0),
                    samples.getFirst(), samples.stream().mapToLong(Long::longValue).max().orElse(0)
                            / (double) samples.getFirst());
            BenchReport.line("");
            BenchReport.line("Live heap samples (MB): %s", samples);
            BenchReport.line("");
            BenchReport.line("At the production setting (%s) the same broadcast takes %.0f min: the send queue, not "
                    + "the shop, sets the pace. Test profile limit during this run: %,d msg/s.", "25 msg/s",
                    RECIPIENTS / 25.0 / 60, configuredPerSecond);
        }
        assertThat(sent).isEqualTo(RECIPIENTS);
    }
}
