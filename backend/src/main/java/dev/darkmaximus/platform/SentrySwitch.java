package dev.darkmaximus.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sentry runs only when it has somewhere to report. Its auto-configuration switches on when {@code sentry.dsn} merely
 * exists, and Compose passes {@code SENTRY_DSN=} empty: the result was three servlet filters and a hub in front of
 * every request of a shop that reports nowhere (make bench). A blank DSN now excludes Sentry's auto-configuration.
 */
public class SentrySwitch implements EnvironmentPostProcessor, Ordered {

    static final List<String> AUTO_CONFIGURATIONS = List.of(
            "io.sentry.spring.boot4.SentryAutoConfiguration",
            "io.sentry.spring.boot4.SentryProfilerAutoConfiguration",
            "io.sentry.spring.boot4.SentryLogbackAppenderAutoConfiguration",
            "io.sentry.spring.boot4.SentryWebfluxAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dsn = environment.getProperty("sentry.dsn");
        if (dsn != null && !dsn.isBlank()) {
            return;
        }
        // Bound, not read as one property: exclusions written as a YAML list ("exclude[0]") count too.
        List<String> excluded = new ArrayList<>(Arrays.asList(Binder.get(environment)
                .bind("spring.autoconfigure.exclude", String[].class).orElse(new String[0])));
        excluded.addAll(AUTO_CONFIGURATIONS);
        environment.getPropertySources().addFirst(new MapPropertySource("sentryOff",
                Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files and the environment are read
    }
}
