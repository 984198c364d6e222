package dev.darkmaximus.admin.backend;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.darkmaximus.client.ApiException;

/**
 * The backend's problem+json answer, reduced to what a form needs: a stable code, a sentence for a notification,
 * and messages per field. Anything unreadable becomes a generic problem; the UI never shows exception text.
 */
public record Problem(int status, String code, String detail, Map<String, String> fieldErrors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem from(ApiException e) {
        if (e.getCode() == 0) {
            return new Problem(0, "backend_unreachable", "The backend can't be reached; try again in a moment.",
                    Map.of());
        }
        try {
            JsonNode body = JSON.readTree(e.getResponseBody() == null ? "{}" : e.getResponseBody());
            Map<String, String> fields = new LinkedHashMap<>();
            for (JsonNode error : body.path("errors")) {
                fields.putIfAbsent(error.path("field").asText(), error.path("message").asText());
            }
            String detail = body.path("detail").asText("");
            return new Problem(e.getCode(), body.path("code").asText("unknown"),
                    detail.isBlank() ? "The backend refused the request (HTTP " + e.getCode() + ")." : detail, fields);
        } catch (JacksonException notJson) {
            return new Problem(e.getCode(), "unknown", "The backend refused the request (HTTP " + e.getCode() + ").",
                    Map.of());
        }
    }
}
