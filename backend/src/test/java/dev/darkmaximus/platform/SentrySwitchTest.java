package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SentrySwitchTest {

    @Test
    void aBlankDsnAsComposePassesItExcludesSentryAndKeepsOtherExclusions() {
        StandardEnvironment environment = environment(Map.of("sentry.dsn", "",
                "spring.autoconfigure.exclude", "com.example.Other"));
        new SentrySwitch().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.autoconfigure.exclude", String[].class))
                .contains("com.example.Other").containsAll(SentrySwitch.AUTO_CONFIGURATIONS);
    }

    @Test
    void aDsnLeavesSentryOn() {
        StandardEnvironment environment = environment(Map.of("sentry.dsn", "https://key@o1.ingest.sentry.io/1"));
        new SentrySwitch().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
