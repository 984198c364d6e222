package dev.darkmaximus.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP to the backend process for what a test needs around the UI: a customer (dev sign-in) doing their part,
 * or setup an admin would otherwise click through. Answers are JSON strings; tests pick values with {@link #field}.
 */
final class BackendClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BackendClient() {
    }

    record Customer(long telegramId, long id, String token) {
    }

    /** A new customer signed in through the dev login, speaking {@code language}. */
    static Customer customer(String language) {
        long telegramId = 700_000_000_000L + System.nanoTime() % 1_000_000_000L;
        String login = send("POST", "/api/v1/auth/dev", "{\"telegramId\":" + telegramId + ",\"firstName\":\"Ivan\","
                + "\"username\":\"it" + telegramId + "\"}", null);
        String token = field(login, "accessToken");
        send("PUT", "/api/v1/me/language", "{\"language\":\"" + language + "\"}", token);
        long id = Long.parseLong(field(send("GET", "/api/v1/me", null, token), "id"));
        return new Customer(telegramId, id, token);
    }

    static String adminToken() {
        return field(send("POST", "/api/v1/auth/admin/login", "{\"username\":\"admin\",\"password\":\""
                + BackendProcess.ADMIN_PASSWORD + "\"}", null), "accessToken");
    }

    static String send(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ContractProxy.url() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("POST".equals(method) && path.equals("/api/v1/orders")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first value of {@code "name"} in a JSON text (string or number). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
