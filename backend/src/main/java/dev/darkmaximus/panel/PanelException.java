package dev.darkmaximus.panel;

import org.springframework.http.HttpStatus;

import dev.darkmaximus.platform.error.ApiException;

/**
 * A panel call that failed. {@code transientFailure} means trying again later may succeed (network, 5xx, circuit
 * open); otherwise the panel refused the request (bad credentials, {@code success:false}) and retrying won't help.
 */
public class PanelException extends RuntimeException {

    private final boolean transientFailure;

    public PanelException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public PanelException(String message, boolean transientFailure) {
        this(message, transientFailure, null);
    }

    /** The API's answer when an admin action needed the panel and didn't get it (502, nothing changed). */
    public ApiException asApiError(String what) {
        return new ApiException(HttpStatus.BAD_GATEWAY,
                "panel_unavailable", what + ": " + getMessage());
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
