package dev.darkmaximus.payment;

import org.springframework.http.HttpStatus;

import dev.darkmaximus.platform.error.ApiException;

/**
 * A provider call that failed: {@code transient} ones (network, 429, 5xx) may succeed later with the same
 * idempotence key; the others were refused for good.
 */
public class ProviderException extends RuntimeException {

    private final boolean transientFailure;

    public ProviderException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The problem the API answers with: 502 {@code provider_unavailable}, naming what to do next. */
    public ApiException asApiError(String what) {
        return new ApiException(HttpStatus.BAD_GATEWAY, "provider_unavailable", what + ": " + getMessage());
    }
}
