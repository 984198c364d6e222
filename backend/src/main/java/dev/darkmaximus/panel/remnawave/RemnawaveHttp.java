package dev.darkmaximus.panel.remnawave;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelTransport;

/**
 * HTTP to a Remnawave panel: the API token as a bearer, the forwarded headers the panel demands when it is reached
 * without its reverse proxy, and its answers. Facts from remnawave/backend at 2.7.4 and 3.3.2
 * ({@code src/common/exception/http-exception.filter.ts}, {@code catch-all-exception-filter.ts},
 * {@code not-found-exception.filter.ts}, {@code src/common/middlewares/proxy-check.middleware.ts}): success wraps its
 * data in {@code {"response": …}}; a refusal is {@code {timestamp, path, message, errorCode}} with the panel's own
 * code; a route the panel doesn't have gets no answer at all (the socket is closed), as does any call without
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto: https} in production.
 */
@Component
class RemnawaveHttp {

    /**
     * {@code ERRORS.USER_NOT_FOUND} in libs/contract/constants/errors: "no such user" from an update, a delete or an
     * action ({@code users.service.ts}).
     */
    static final String USER_NOT_FOUND = "A025";
    /**
     * {@code ERRORS.GET_USER_BY_UNIQUE_FIELDS_NOT_FOUND}: "no such user" from a lookup by username, which goes
     * through {@code getUserByUniqueFields} (2.7.4 and 3.3.2 alike).
     */
    static final String LOOKUP_NOT_FOUND = "A063";
    /** {@code ERRORS.USER_USERNAME_ALREADY_EXISTS}: a create raced by another (or a lost answer of ours). */
    static final String USERNAME_TAKEN = "A019";

    private final PanelTransport transport;
    private final JsonMapper json;

    RemnawaveHttp(PanelTransport transport, JsonMapper json) {
        this.transport = transport;
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    /**
     * What the panel answered below 500. {@code response} is the envelope's content (null for 204); a refusal has
     * the panel's {@code errorCode} and message instead.
     */
    record Answer(int status, JsonNode response, String errorCode, String message) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean userNotFound() {
            return status == 404 && USER_NOT_FOUND.equals(errorCode);
        }

        /** A lookup's "no such user"; its own code, though A025 is taken as well should a version answer it. */
        boolean lookupNotFound() {
            return status == 404 && (LOOKUP_NOT_FOUND.equals(errorCode) || USER_NOT_FOUND.equals(errorCode));
        }

        /** {@code ERRORS.USER_ALREADY_DISABLED} (A029): someone switched it off first, which is what we wanted. */
        boolean alreadyDisabled() {
            return status == 400 && "A029".equals(errorCode);
        }

        boolean usernameTaken() {
            return status == 400 && USERNAME_TAKEN.equals(errorCode);
        }
    }

    Answer get(PanelConnection panel, String operation, String path) {
        return call(panel, operation, "GET", path, null, true);
    }

    /** A create or an action: sent once (a lost answer may have landed; the caller reads the panel again). */
    Answer post(PanelConnection panel, String operation, String path, Object body) {
        return call(panel, operation, "POST", path, body, false);
    }

    /** PATCH sends the whole target state, so sending it again after a lost answer changes nothing more. */
    Answer patch(PanelConnection panel, String operation, String path, Object body) {
        return call(panel, operation, "PATCH", path, body, true);
    }

    /** A repeated delete of a user already gone answers "not found", which callers count as deleted. */
    Answer delete(PanelConnection panel, String operation, String path) {
        return call(panel, operation, "DELETE", path, null, true);
    }

    /** The answer's content, or the panel's refusal as a {@link PanelException} naming its message and code. */
    JsonNode require(Answer answer, String operation) {
        if (answer.ok()) {
            return answer.response();
        }
        throw new PanelException(operation + " refused by the panel: " + answer.message()
                + (answer.errorCode() == null ? "" : " (" + answer.errorCode() + ")") + ", HTTP " + answer.status(),
                false);
    }

    void forget(long hostId) {
        transport.forget(hostId);
    }

    private Answer call(PanelConnection panel, String operation, String method, String path, Object body,
                        boolean repeatable) {
        if (panel.apiToken() == null || panel.apiToken().isBlank()) {
            throw new PanelException(operation + ": the host has no API token (Remnawave → API tokens)", false);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(panel.root() + path))
                .timeout(transport.properties().readTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + panel.apiToken());
        if (panel.options().forwardedHeaders()) {
            // What the panel's reverse proxy would add (proxy-check.middleware.ts): reached directly, it wants both.
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "127.0.0.1");
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = transport.send(panel, operation, request.build(), repeatable);
        } catch (PanelException e) {
            if (e.transientFailure() && !panel.options().forwardedHeaders() && panel.baseUrl().startsWith("http://")) {
                throw new PanelException(e.getMessage() + " (Remnawave closes the connection of a call that didn't "
                        + "come through its HTTPS reverse proxy: turn on forwarded headers for a panel reached "
                        + "directly)", true, e);
            }
            throw e;
        }
        return judge(response, operation);
    }

    private Answer judge(HttpResponse<String> response, String operation) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 401) {
            throw new PanelException(operation + ": the panel refused the API token (HTTP 401)", false);
        }
        if (status == 403) {
            throw new PanelException(operation + ": the API token may not do this (HTTP 403): give it access to "
                    + "users, internal squads and system metadata", false);
        }
        if (status >= 200 && status < 300) {
            if (status == 204 || response.body() == null || response.body().isBlank()) {
                return new Answer(status, null, null, null);
            }
            if (body == null || !body.isObject() || !body.has("response")) {
                throw new PanelException(operation + ": the answer is not the panel's {response} envelope", false);
            }
            return new Answer(status, body.path("response"), null, null);
        }
        if (body == null || !body.isObject()) {
            // Not the panel's own refusal (a proxy's page, a wrong address): never taken for "no such user".
            throw new PanelException(operation + ": HTTP " + status + " without the panel's error: is the address "
                    + "the panel's?", false);
        }
        String code = body.path("errorCode").isString() ? body.path("errorCode").asString() : null;
        return new Answer(status, null, code, message(body));
    }

    /** A refusal's words: its message, and what a validation failure lists (nestjs-zod's {@code errors}). */
    private static String message(JsonNode body) {
        List<String> words = new ArrayList<>();
        JsonNode message = body.path("message");
        if (message.isArray()) {
            message.forEach(m -> words.add(m.asString("")));
        } else if (message.isString()) {
            words.add(message.asString());
        }
        body.path("errors").forEach(e -> {
            String text = e.path("message").asString("");
            String at = e.path("path").isArray() && !e.path("path").isEmpty()
                    ? e.path("path").get(0).asString("") + ": " : "";
            if (!text.isEmpty()) {
                words.add(at + text);
            }
        });
        return words.isEmpty() ? "no message" : String.join("; ", words);
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
