package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * The committed contract (openapi/openapi.yaml) must equal what the code serves. `make openapi` runs this test
 * with -Ddm.openapi.write=true to rewrite the file after an intended change.
 */
class OpenApiContractIT extends IntegrationTest {

    private static final Path CONTRACT = Path.of("..", "openapi", "openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void committedContractMatchesTheCode() throws IOException {
        String served = new Api(port).get("/v3/api-docs.yaml", null).expect(200).body();
        if (Boolean.getBoolean("dm.openapi.write")) {
            Files.writeString(CONTRACT, served);
        }
        assertThat(Files.readString(CONTRACT))
                .as("openapi/openapi.yaml is out of date: run `make openapi` and commit the result")
                .isEqualTo(served);
    }

    /** Swagger UI works although its machinery is made on first use (platform.openapi.ContractOnFirstUse). */
    @Test
    void swaggerUiServesThePageAndPointsItAtTheContract() {
        Api api = new Api(port);
        assertThat(api.get("/swagger-ui/index.html", null).expect(200).body()).contains("swagger-ui");
        // Written by springdoc's page transformer, the bean made on the first visit.
        assertThat(api.get("/swagger-ui/swagger-initializer.js", null).expect(200).body())
                .contains("/v3/api-docs");
    }
}
