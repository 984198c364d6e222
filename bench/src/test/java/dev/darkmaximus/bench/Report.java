package dev.darkmaximus.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The HTTP half's table: every figure beside its same-run baseline and the ratio between them. */
final class Report {

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void http(String what, Wrk.Result product, String baselineWhat, Wrk.Result baseline, String goal) {
        rows.add(String.format(Locale.ROOT,
                "| %s | %,.0f req/s, p50 %.1f ms, p99 %.1f ms%s | %s: %,.0f req/s, p50 %.1f ms, p99 %.1f ms | "
                        + "%.2f× throughput, %.2f× p99 | %s |",
                what, product.requestsPerSecond(), product.p50Millis(), product.p99Millis(), errors(product),
                baselineWhat, baseline.requestsPerSecond(), baseline.p50Millis(), baseline.p99Millis(),
                product.requestsPerSecond() / baseline.requestsPerSecond(), product.p99Millis() / baseline.p99Millis(),
                goal));
    }

    /** Start-up, idle memory and shutdown of one way of starting an app against one way of starting the baseline. */
    void start(String app, String how, Bench.StartFigures product, String baselineHow, Bench.StartFigures baseline,
               boolean goals) {
        long start = median(product.startMillis());
        long baseStart = median(baseline.startMillis());
        rows.add(String.format(Locale.ROOT, "| %s start-up to healthy, median of %d | %s: %.1f s (%s) | %s: %.1f s "
                        + "(%s) | %.2f× | %s |", app, product.startMillis().size(), how, start / 1000.0,
                seconds(product.startMillis()), baselineHow, baseStart / 1000.0, seconds(baseline.startMillis()),
                (double) start / baseStart, goals ? "≤ 2×" : ""));
        long rss = median(product.rssMegabytes());
        long baseRss = median(baseline.rssMegabytes());
        rows.add(String.format(Locale.ROOT, "| %s idle memory (RSS 10 s after healthy, median) | %s: %d MB | %s: "
                        + "%d MB | %.2f× | %s |", app, how, rss, baselineHow, baseRss, (double) rss / baseRss,
                goals ? "≤ 1.5×" : ""));
        if (goals) {
            rows.add(String.format(Locale.ROOT, "| %s shutdown (SIGTERM to exit, median) | %s: %d ms | %s: %d ms | "
                            + "— | |", app, how, median(product.stopMillis()), baselineHow,
                    median(baseline.stopMillis())));
        }
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### HTTP, start-up and memory (%s, %d cores, Java %s, JVM flags `%s`)%n%n",
                Bench.now(), Runtime.getRuntime().availableProcessors(), Runtime.version().feature(),
                String.join(" ", JavaApp.JVM_FLAGS)));
        out.append("| what | Dark Maximus 3 | bare baseline (same run) | ratio | goal (issue 24) |\n|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        notes.forEach(note -> out.append('\n').append(note).append('\n'));
        return out.toString();
    }

    private static String errors(Wrk.Result result) {
        return result.errors() == 0 ? "" : ", " + result.errors() + " errors";
    }

    private static String seconds(List<Long> millis) {
        return String.join(", ", millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m / 1000.0)).toList());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
