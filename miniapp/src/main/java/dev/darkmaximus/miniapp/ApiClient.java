package dev.darkmaximus.miniapp;

import java.util.function.Consumer;

import org.teavm.jso.JSObject;
import org.teavm.jso.ajax.XMLHttpRequest;

/** Calls our REST API (same origin, relative to /app/) and reports either the parsed body or a readable error. */
final class ApiClient {

    private final String base;
    private String token;

    ApiClient(String base) {
        this.base = base;
    }

    void useToken(String accessToken) {
        this.token = accessToken;
    }

    String token() {
        return token;
    }

    String url(String path) {
        return base + path;
    }

    void get(String path, Consumer<JSObject> onSuccess, Consumer<Failure> onFailure) {
        send("GET", path, null, onSuccess, onFailure);
    }

    void post(String path, String jsonBody, Consumer<JSObject> onSuccess, Consumer<Failure> onFailure) {
        send("POST", path, jsonBody, onSuccess, onFailure);
    }

    /** A POST with an Idempotency-Key, so a retried tap never creates a second order. */
    void post(String path, String jsonBody, String idempotencyKey, Consumer<JSObject> onSuccess,
              Consumer<Failure> onFailure) {
        send("POST", path, jsonBody, idempotencyKey, onSuccess, onFailure);
    }

    /** A DELETE; {@code onSuccess} gets null for the usual empty 204. */
    void delete(String path, Consumer<JSObject> onSuccess, Consumer<Failure> onFailure) {
        send("DELETE", path, null, onSuccess, onFailure);
    }

    void put(String path, String jsonBody, Consumer<JSObject> onSuccess, Consumer<Failure> onFailure) {
        send("PUT", path, jsonBody, onSuccess, onFailure);
    }

    private void send(String method, String path, String body, Consumer<JSObject> onSuccess,
                      Consumer<Failure> onFailure) {
        send(method, path, body, null, onSuccess, onFailure);
    }

    private void send(String method, String path, String body, String idempotencyKey, Consumer<JSObject> onSuccess,
                      Consumer<Failure> onFailure) {
        XMLHttpRequest xhr = XMLHttpRequest.create();
        xhr.open(method, base + path);
        xhr.setRequestHeader("Accept", "application/json");
        if (body != null) {
            xhr.setRequestHeader("Content-Type", "application/json");
        }
        if (token != null) {
            xhr.setRequestHeader("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
        }
        xhr.onComplete(() -> {
            int status = xhr.getStatus();
            JSObject parsed = Json.parse(xhr.getResponseText());
            if (status >= 200 && status < 300 && parsed != null) {
                onSuccess.accept(parsed);
            } else if (status == 204) {
                onSuccess.accept(null);
            } else if (status == 0) {
                onFailure.accept(new Failure(0, "network", null, null));
            } else {
                Json.Problem problem = parsed == null ? null : (Json.Problem) parsed;
                String fieldMessage = parsed == null ? null : Json.firstFieldMessage(parsed);
                // Json.text, not a typed getter: TeaVM turns an absent member into a non-null string of "undefined".
                String link = parsed == null ? null : Json.text(parsed, "termsUrl") != null
                        ? Json.text(parsed, "termsUrl") : Json.text(parsed, "channelUrl");
                onFailure.accept(new Failure(status, problem == null ? "unknown" : problem.getCode(),
                        fieldMessage != null ? fieldMessage : problem == null ? null : problem.getDetail(),
                        link == null || link.isBlank() ? null : link));
            }
        });
        if (body != null) {
            xhr.send(body);
        } else {
            xhr.send();
        }
    }

    /**
     * A failed call: HTTP status (0 = no answer), the problem's code and what to show — the first field error's
     * message when there is one, else the problem's detail; {@code link} is what the customer can open to act on it
     * (the terms, the channel to join), or null.
     */
    record Failure(int status, String code, String detail, String link) {
    }
}
