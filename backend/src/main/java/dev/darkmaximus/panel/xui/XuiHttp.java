package dev.darkmaximus.panel.xui;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelTransport;

/**
 * HTTP to 3x-ui panels, shared by the v2 and v3 adapters, over the panels' common {@link PanelTransport}: the
 * {success, msg, obj} envelope, and reads retried where writes are not.
 */
@Component
public class XuiHttp {

    private final PanelTransport transport;
    private final JsonMapper json;

    public XuiHttp(PanelTransport transport, JsonMapper json) {
        this.transport = transport;
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    /**
     * A request to the panel. {@code X-Requested-With} makes an unauthenticated call answer 401 instead of a 307
     * redirect on v2 up to v2.8.3 ({@code web/controller/base.go} checkLogin) and 401 instead of 404 on v3.0.2+
     * ({@code api.go} checkAPIAuth); later v2 panels answer 404 either way.
     */
    HttpRequest.Builder request(PanelConnection panel, String path) {
        return HttpRequest.newBuilder(URI.create(panel.root() + path)).timeout(transport.properties().readTimeout())
                .header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest");
    }

    /**
     * Sends through the transport. Reads are retried on network errors and 5xx; writes (POST) are sent once: a write
     * whose answer was lost may have landed, and 3x-ui appends a second client for a repeated add on some versions
     * (v3.0 … v3.4 {@code AddInboundClient}). Any non-5xx answer is returned for the adapter to judge (404/401 mean
     * "sign in again").
     */
    HttpResponse<String> send(PanelConnection panel, String operation, HttpRequest request) {
        return transport.send(panel, operation, request, "GET".equals(request.method()));
    }

    /** The panel's {success, msg, obj}: obj when success is true, else a refusal with the panel's message. */
    JsonNode envelope(HttpResponse<String> response, String operation) {
        Envelope envelope = read(response, operation);
        if (!envelope.success()) {
            throw new PanelException(operation + " refused by the panel: " + envelope.message(), false);
        }
        return envelope.obj();
    }

    /**
     * The {success, msg, obj} envelope of an HTTP 200 answer (3x-ui answers refusals with 200 and success:false).
     * Any other status, or a body that isn't the envelope, is an error: it never means "no such client".
     */
    Envelope read(HttpResponse<String> response, String operation) {
        if (response.statusCode() != 200) {
            throw new PanelException(operation + ": the panel answered HTTP " + response.statusCode(), false);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body() == null || response.body().isBlank() ? "null" : response.body());
        } catch (JacksonException e) {
            throw new PanelException(operation + ": the panel answered without JSON", true);
        }
        if (body == null || !body.isObject() || !body.path("success").isBoolean()) {
            throw new PanelException(operation + ": the panel's answer is not its {success, msg, obj} envelope", false);
        }
        return new Envelope(body.path("success").asBoolean(), body.path("msg").asString("").replace("\n", "").strip(),
                body.path("obj"));
    }

    /** @param message the panel's msg without the trailing newline its Go errors carry */
    record Envelope(boolean success, String message, JsonNode obj) {

        boolean objAbsent() {
            return obj == null || obj.isNull() || obj.isMissingNode();
        }
    }

    /** Drops the host's HTTP clients (a one-off check of an unsaved host). */
    void forget(long hostId) {
        transport.forget(hostId);
    }

    /** A path segment such as an email, escaped for the URL. */
    static String segment(String value) {
        return PanelTransport.segment(value);
    }
}
