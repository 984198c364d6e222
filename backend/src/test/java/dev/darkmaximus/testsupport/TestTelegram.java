package dev.darkmaximus.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One WireMock standing in for the Telegram Bot API for the whole test JVM (the shared Spring context is pointed at
 * it once). Tests stub per chat id, so they don't step on each other.
 */
public final class TestTelegram {

    private static final WireMockServer SERVER = start();

    private TestTelegram() {
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    public static WireMockServer server() {
        return SERVER;
    }

    private static WireMockServer start() {
        // Telegram answers many chats at once: enough threads that a slow broadcast doesn't queue other chats' sends
        // behind it inside the stub.
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(300));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
