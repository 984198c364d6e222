package dev.darkmaximus.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.darkmaximus.testsupport.Contract;

/**
 * Stands between the admin UI (and the tests' own calls) and the backend process, passing everything through and
 * checking every answer against {@code openapi/openapi.yaml} with the backend tests' {@link Contract}: what the
 * generated client receives in the browser tests is what the contract says. Violations are collected and fail the
 * test that caused them ({@link AdminUiTest}).
 */
final class ContractProxy {

    /** Headers the JDK client sets itself (it refuses them) or that describe one hop only. */
    private static final Set<String> HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static String url;

    private ContractProxy() {
    }

    static synchronized String url() {
        if (url == null) {
            url = start(BackendProcess.url());
        }
        return url;
    }

    /** The violations since the last call, cleared. */
    static synchronized List<String> drain() {
        List<String> found = List.copyOf(VIOLATIONS);
        VIOLATIONS.clear();
        return found;
    }

    private static synchronized void found(String violation) {
        VIOLATIONS.add(violation);
    }

    private static String start(String backend) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> forward(backend, exchange));
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forward(String backend, HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + path))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String text = new String(decoded(response), StandardCharsets.UTF_8);
            List<String> broken = Contract.committed().violations(exchange.getRequestMethod(), path,
                    response.statusCode(), contentType, text);
            if (!broken.isEmpty()) {
                found(exchange.getRequestMethod() + " " + path + " → " + response.statusCode() + ": "
                        + String.join("; ", broken));
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.contains("gzip")).orElse(false);
        if (!gzip || response.body().length == 0) {
            return response.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        }
    }
}
