package dev.darkmaximus.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/** One Redis for the test JVM: TEST_REDIS_URL when given, else an embedded redis-server on a free port. */
public final class TestRedis {

    private static RedisServer embedded;
    private static int port;

    private TestRedis() {
    }

    public static synchronized String url() {
        String external = System.getenv("TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                embedded = new RedisServer(port);
                embedded.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        }
        return "redis://127.0.0.1:" + port;
    }

    private static synchronized void stop() {
        try {
            if (embedded != null) {
                embedded.stop();
            }
        } catch (IOException ignored) {
            // JVM is exiting.
        }
    }
}
