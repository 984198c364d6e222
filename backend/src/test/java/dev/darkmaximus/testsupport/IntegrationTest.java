package dev.darkmaximus.testsupport;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-application tests. Every subclass shares ONE Spring context (don't add @MockitoBean or
 * per-class properties here or in subclasses: that forks a second context) and the one test database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "dev"})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("dm.telegram.api-base-url", TestTelegram::baseUrl);
        registry.add("dm.yookassa.api-base-url", TestYooKassa::baseUrl);
        registry.add("dm.cryptobot.api-base-url", TestCryptoBot::baseUrl);
        registry.add("dm.cryptobot.testnet-api-base-url", TestCryptoBot::testnetBaseUrl);
        registry.add("dm.data-dir", () -> Path.of("target", "test-data").toAbsolutePath().toString());
    }

    /** Every answer the backend gave during the test, to any client, kept the contract (Chromium's included). */
    @AfterEach
    void answersKeptTheContract() {
        ContractRecorder.assertNoneSince();
    }
}
