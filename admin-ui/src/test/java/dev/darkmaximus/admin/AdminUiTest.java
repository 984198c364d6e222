package dev.darkmaximus.admin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser tests: this admin UI on a random port, pointed at the one backend process all of them share
 * ({@link BackendProcess}), so the Spring context is built once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AdminUiTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("dm.admin.backend-url", BackendProcess::url);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
