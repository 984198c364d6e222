package dev.darkmaximus.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (github.com/wg/wrk, Debian's package) against a URL and reads throughput and latency from its report. */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), "
            + "write (\\d+), timeout (\\d+)");

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    private final int connections;
    private final int seconds;
    private final int warmupSeconds;

    Wrk(int connections, int seconds, int warmupSeconds) {
        this.connections = connections;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    static boolean installed() {
        return Tools.onPath("wrk") != null;
    }

    /** A warm-up run (discarded), then the measured one. */
    Result measure(String url, String... headers) throws IOException, InterruptedException {
        run(url, warmupSeconds, headers);
        return parse(run(url, seconds, headers));
    }

    /** Load for {@code seconds}, unmeasured: the traffic an app's recording run serves before it is stopped. */
    static void exercise(String url, int seconds) throws IOException, InterruptedException {
        new Wrk(16, seconds, 0).run(url, seconds);
    }

    private String run(String url, int duration, String... headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration + "s",
                "--timeout", "10s", "--latency"));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        return Tools.run(command, null);
    }

    static Result parse(String report) {
        Matcher rate = RATE.matcher(report);
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + report);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(report);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), p50, p99, errors);
    }
}
