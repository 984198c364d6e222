package dev.darkmaximus.platform.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on: a stable machine {@code code} (the problem type's last segment, the key the bot
 * and UIs translate) plus an HTTP status. Services throw it; {@link ProblemAdvice} turns it into problem+json.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " " + id + " does not exist");
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    /** Adds a member to the problem (a link the client can open to act on it); returns this exception. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
