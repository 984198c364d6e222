package dev.darkmaximus.panel;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param connectTimeout   TCP/TLS connect limit per request
 * @param readTimeout      whole-response limit per request
 * @param attempts         tries per call for transient failures (network, 5xx)
 * @param backoff          wait before the second try; doubles each time
 * @param breakerFailures  consecutive transient failures that open a host's circuit
 * @param breakerOpenFor   how long an open circuit refuses calls before letting one through
 */
@Validated
@ConfigurationProperties("dm.panel")
public record PanelProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("3") @Positive int attempts,
        @DefaultValue("500ms") Duration backoff,
        @DefaultValue("5") @Positive int breakerFailures,
        @DefaultValue("30s") Duration breakerOpenFor) {
}
