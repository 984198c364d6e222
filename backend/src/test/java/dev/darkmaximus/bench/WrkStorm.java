package dev.darkmaximus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N copies of one POST sent together by wrk (github.com/wg/wrk, Debian's package), one connection each: the load
 * comes from a small C program, as it would from the provider's own servers, instead of from N Java threads sharing
 * the two cores with the shop they measure (make bench, issue 24).
 */
public final class WrkStorm {

    private static final Pattern RESULT = Pattern.compile("STORM requests=(\\d+) non2xx=(\\d+) timeouts=(\\d+) "
            + "p50us=(\\d+) p95us=(\\d+) maxus=(\\d+)");

    public record Result(int requests, int failed, double p50Millis, double p95Millis, double maxMillis) {
    }

    private WrkStorm() {
    }

    public static boolean installed() {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "wrk")));
    }

    /** Sends {@code copies} copies of {@code body} to {@code url} together, as if from {@code clientIp}. */
    public static Result send(String url, String body, String clientIp, int copies) {
        return wrk(url, body, clientIp, List.of("-t" + copies, "-c" + copies, "-d4s"), true);
    }

    /** Sends {@code body} over and over for {@code seconds} on 8 connections: the path compiled, as in a busy shop. */
    public static Result warm(String url, String body, String clientIp, int seconds) {
        return wrk(url, body, clientIp, List.of("-t2", "-c8", "-d" + seconds + "s"), false);
    }

    private static Result wrk(String url, String body, String clientIp, List<String> load, boolean once) {
        try {
            Path dir = Files.createTempDirectory("storm");
            Path script = dir.resolve("storm.lua");
            try (InputStream in = WrkStorm.class.getResourceAsStream("/bench/storm.lua")) {
                Files.write(script, in.readAllBytes());
            }
            Path bodyFile = Files.writeString(dir.resolve("body.json"), body);
            // Sending once, every thread stops after its answer; wrk itself ends after -d, an upper bound then.
            List<String> command = new ArrayList<>(List.of("wrk", "--timeout", "4s", "-s", script.toString()));
            command.addAll(load);
            command.add(url);
            ProcessBuilder wrk = new ProcessBuilder(command).redirectErrorStream(true);
            wrk.environment().put("STORM_ONCE", once ? "1" : "0");
            wrk.environment().put("STORM_BODY", bodyFile.toString());
            wrk.environment().put("STORM_FROM", clientIp);
            Process process = wrk.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            Matcher m = RESULT.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("wrk printed no storm line:\n" + output);
            }
            return new Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)),
                    Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0,
                    Long.parseLong(m.group(6)) / 1000.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
