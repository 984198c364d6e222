package dev.darkmaximus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java application under measurement: started from its jar with the same JVM and flags as every other, timed
 * from the launch to its first healthy answer, its resident memory read from /proc when it has been idle, and timed
 * again from SIGTERM to exit.
 */
final class JavaApp implements AutoCloseable {

    /**
     * The JVM flags every app gets: the Compose file's (heap a share of the container's 1 GB limit) and the collector
     * the JVM picks by itself in such a container (under 1792 MB it is not a "server-class machine": Serial GC).
     */
    static final List<String> JVM_FLAGS = flags();

    /** Extra flags for every app to try a JVM option on all of them alike: {@code -Dbench.jvm="-XX:+UseSerialGC"}. */
    private static List<String> flags() {
        List<String> flags = new ArrayList<>(List.of("-XX:MaxRAM=1g", "-XX:+UseSerialGC",
                "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError"));
        String extra = System.getProperty("bench.jvm", "").strip();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }
        if (Boolean.getBoolean("bench.nmt")) {
            flags.add("-XX:NativeMemoryTracking=summary");
        }
        return List.copyOf(flags);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;
    private final long launchedNanos;
    private final Path log;

    private JavaApp(String name, int port, Process process, long launchedNanos, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.log = log;
    }

    /** How the app is started: {@code java -jar app.jar}, or as the Dockerfiles start it. */
    enum Mode {
        PLAIN,
        /**
         * As the image starts it: the jar extracted (classes inside nested jars can't be cached) and the image's
         * ENTRYPOINT, scripts/start-java.sh with the Dockerfile's options, which records an ahead-of-time cache on
         * the first run and starts every later one from it. The JVM flags every app gets come as the Compose file
         * passes them, in JAVA_TOOL_OPTIONS.
         */
        SHIPPED
    }

    /** The image's ENTRYPOINT: its start script's JVM options (cache directory and name are the bench's own). */
    record Entrypoint(List<String> options) {
    }

    static JavaApp launch(String name, Mode mode, Path jar, Path dockerfile, int port, Map<String, String> env,
                          List<String> extraFlags, Path logDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (mode == Mode.SHIPPED) {
            Path caches = caches(logDir);
            jar = extracted(jar, caches.resolve(name));
            command.addAll(List.of("bash", startScript(dockerfile).toString(), caches.toString(), name));
            command.addAll(entrypoint(dockerfile).options());
            builder.environment().put("JAVA", java);
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", JVM_FLAGS));
        } else {
            command.add(java);
            command.addAll(JVM_FLAGS);
        }
        command.addAll(extraFlags);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        long launched = System.nanoTime();
        return new JavaApp(mode == Mode.SHIPPED ? name + " (as shipped)" : name, port, builder.start(), launched,
                log);
    }

    /** Whether a shipped start of {@code name} finds its ahead-of-time cache (else it is a recording run). */
    static boolean cached(String name, Path logDir) throws IOException {
        try (var files = Files.list(caches(logDir))) {
            return files.anyMatch(f -> f.getFileName().toString().matches(Pattern.quote(name) + "-\\d+\\.aot"));
        }
    }

    private static Path caches(Path logDir) throws IOException {
        return Files.createDirectories(logDir.resolveSibling("aot"));
    }

    /** The repository's copy of the script the image runs as /app/start-java.sh. */
    private static Path startScript(Path dockerfile) {
        return dockerfile.toAbsolutePath().getParent().getParent().resolve("scripts/start-java.sh");
    }

    /**
     * The JVM options of the image's {@code ENTRYPOINT ["bash", "/app/start-java.sh", <dir>, <name>, …, "-jar", …]}:
     * "as shipped" is read from the Dockerfile itself, so the bench measures what operators run and not a copy that
     * drifts from it.
     */
    static Entrypoint entrypoint(Path dockerfile) throws IOException {
        String line = Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("ENTRYPOINT ["))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no ENTRYPOINT [...] in " + dockerfile));
        List<String> words = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(line);
        while (quoted.find()) {
            words.add(quoted.group(1));
        }
        if (!words.isEmpty() && words.getFirst().equals("bash")) {
            words.removeFirst();
        }
        int jar = words.indexOf("-jar");
        if (words.size() < 3 || !words.getFirst().endsWith("/start-java.sh") || jar < 3) {
            throw new IllegalStateException("not a start-java.sh … -jar ENTRYPOINT in " + dockerfile + ": " + line);
        }
        return new Entrypoint(List.copyOf(words.subList(3, jar)));
    }

    private static Path extracted(Path jar, Path destination) throws IOException {
        Path extracted = destination.resolve(jar.getFileName());
        if (!Files.exists(extracted)) {
            try {
                Tools.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString()),
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return extracted;
    }

    /** Waits for the first 200 from the app's health path; returns the milliseconds since launch. */
    long awaitHealthy(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedNanos);
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(25); // polling resolution of the start-up figure, not a wait for an outcome
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident set size in MB, from the kernel (VmRSS), as a container's memory accounting sees the process. */
    long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /**
     * With {@code -Dbench.nmt=true}: the JVM's own account of its memory (jcmd VM.native_memory) and the live heap by
     * class, beside the log. Taken after the RSS reading: the histogram's full GC would shrink it.
     */
    void nativeMemorySummary(String label) throws IOException, InterruptedException {
        if (Boolean.getBoolean("bench.nmt")) {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            String pid = Long.toString(process.pid());
            Files.writeString(log.resolveSibling(name + "-nmt-" + label + ".txt"),
                    Tools.run(List.of(jcmd, pid, "VM.native_memory", "summary"), null));
            // What is live on the heap (a full GC first), largest first.
            Files.writeString(log.resolveSibling(name + "-heap-" + label + ".txt"),
                    Tools.run(List.of(jcmd, pid, "GC.class_histogram"), null));
        }
    }

    /** SIGTERM, as Docker stops a container; returns the milliseconds until the process has exited. */
    long stop() throws InterruptedException {
        return stop(Duration.ofSeconds(60));
    }

    /** As {@link #stop()}, waiting up to {@code patience}: a recording run writes its cache as it exits. */
    long stop(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // a recording JVM under its script
            process.destroyForcibly().waitFor();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
