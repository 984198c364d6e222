package dev.darkmaximus.admin;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param backendUrl     where the backend's REST API lives (DM_BACKEND_URL)
 * @param requestTimeout how long one backend call may take before the UI reports it
 */
@Validated
@ConfigurationProperties("dm.admin")
public record AdminProperties(
        @DefaultValue("http://localhost:8080") @NotBlank String backendUrl,
        @DefaultValue("15s") Duration requestTimeout) {
}
