package dev.darkmaximus.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running test server. Each instance poses as its own client IP (via
 * X-Forwarded-For, trusted from loopback) so tests never share a rate-limit bucket by accident.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String clientIp;

    public Api(int port) {
        this(port, "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256)
                + "." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    public Api(int port, String clientIp) {
        this(port, clientIp, "http://127.0.0.1:" + port);
    }

    /** The API at another address of this machine (e.g. a network interface instead of loopback). */
    public Api(int port, String clientIp, String baseUrl) {
        this.baseUrl = baseUrl;
        this.clientIp = clientIp;
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    /** A GET with extra headers (an integrator's X-Api-Key). */
    public Response get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** GET of a binary resource (an image): status and bytes. */
    public byte[] getBytes(String path, String token, int expectedStatus) {
        try {
            HttpResponse<byte[]> response = http.send(builder(path, token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError("expected HTTP " + expectedStatus + " but got " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body, String token) {
        return send(builder(path, token).POST(bodyOf(body)));
    }

    /** A POST of a file's bytes as {@code application/octet-stream}. */
    public Response postBytes(String path, byte[] body, String token) {
        return send(builder(path, token).setHeader("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postRaw(String path, String rawBody, String token) {
        return send(builder(path, token).POST(HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    public Response postRaw(String path, String rawBody, String token, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).POST(HttpRequest.BodyPublishers.ofString(rawBody));
        headers.forEach(b::header);
        return send(b);
    }

    /** A POST with extra headers (Idempotency-Key, Telegram's secret token). */
    public Response post(String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).POST(bodyOf(body));
        headers.forEach(b::header);
        return send(b);
    }

    public Response put(String path, Object body, String token) {
        return send(builder(path, token).PUT(bodyOf(body)));
    }

    public Response put(String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).PUT(bodyOf(body));
        headers.forEach(b::header);
        return send(b);
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    public Response delete(String path, Object body, String token) {
        return send(builder(path, token).method("DELETE", bodyOf(body)));
    }

    public String adminToken() {
        return post("/api/v1/auth/admin/login",
                Map.of("username", "admin", "password", "test-admin-password"), null)
                .expect(200).json().get("accessToken").asString();
    }

    /**
     * Spends this client's sign-in budget with wrong passwords and returns the answer to the attempt after it, which
     * the rate limiter should refuse.
     */
    public Response exhaustSignInBudget(int budget) {
        Map<String, String> wrong = Map.of("username", "nobody", "password", "wrong");
        for (int i = 0; i < budget; i++) {
            post("/api/v1/auth/admin/login", wrong, null).problem(401, "invalid_credentials");
        }
        return post("/api/v1/auth/admin/login", wrong, null);
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Contract.check(built.method(), built.uri().getRawPath(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with helpers for the assertions tests make over and over. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public Response expect(int status) {
            if (raw.statusCode() != status) {
                throw new AssertionError("expected HTTP " + status + " but got " + raw.statusCode() + ": " + raw.body());
            }
            return this;
        }

        /** Asserts an RFC 9457 answer with the given status and code, and returns its body. */
        public JsonNode problem(int status, String code) {
            expect(status);
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                throw new AssertionError("expected application/problem+json but got " + type + ": " + raw.body());
            }
            JsonNode body = json();
            if (!code.equals(body.path("code").asString())) {
                throw new AssertionError("expected problem code " + code + ": " + raw.body());
            }
            if (!body.path("type").asString().endsWith("/problems/" + code)) {
                throw new AssertionError("problem type does not end in the code: " + raw.body());
            }
            return body;
        }
    }
}
