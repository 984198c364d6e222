package dev.darkmaximus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser tests: this admin UI on a random port, pointed at the one backend process all of them share
 * ({@link BackendProcess}) through the {@link ContractProxy}, so the Spring context is built once and every answer
 * is checked against the contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AdminUiTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("dm.admin.backend-url", ContractProxy::url);
    }

    /** Every answer the backend gave during the test matched the contract (see {@link ContractProxy}). */
    @AfterEach
    void answersMatchedTheContract() {
        assertThat(ContractProxy.drain()).as("answers that break openapi/openapi.yaml").isEmpty();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
