package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * The committed contract (openapi/openapi.yaml) must equal what the code does, as springdoc generates it from the code
 * (only in tests and `make openapi`, at /v3/generated-api-docs), and a shop serves the committed file itself. `make
 * openapi` runs this test with -Ddm.openapi.write=true to rewrite the file after an intended change.
 */
class OpenApiContractIT extends IntegrationTest {

    private static final Path CONTRACT = Path.of("..", "openapi", "openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void committedContractMatchesTheCode() throws IOException {
        String generated = new Api(port).get("/v3/generated-api-docs.yaml", null).expect(200).body();
        if (Boolean.getBoolean("dm.openapi.write")) {
            Files.writeString(CONTRACT, generated);
        }
        assertThat(Files.readString(CONTRACT))
                .as("openapi/openapi.yaml is out of date: run `make openapi` and commit the result")
                .isEqualTo(generated);
    }

    /** What integrators fetch is the committed file, in YAML and in JSON, and the JSON is the generated document. */
    @Test
    void theShopServesTheCommittedContract() throws IOException {
        // make openapi rewrites the file in this run: the app still serves the copy packed before it.
        assumeFalse(Boolean.getBoolean("dm.openapi.write"), "the committed file is being rewritten");
        Api api = new Api(port);
        Api.Response yaml = api.get("/v3/api-docs.yaml", null).expect(200);
        assertThat(yaml.body()).isEqualTo(Files.readString(CONTRACT));
        assertThat(yaml.header("Content-Type")).startsWith("application/vnd.oai.openapi");

        Api.Response json = api.get("/v3/api-docs", null).expect(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json()).isEqualTo(api.get("/v3/generated-api-docs", null).expect(200).json());
    }

    @Test
    void swaggerUiOpensTheCommittedContract() {
        Api api = new Api(port);
        assertThat(api.get("/swagger-ui.html", null).expect(302).header("Location"))
                .isEqualTo("swagger-ui/index.html");
        assertThat(api.get("/swagger-ui/index.html", null).expect(200).body()).contains("swagger-ui")
                .contains("./swagger-initializer.js");
        assertThat(api.get("/swagger-ui/swagger-initializer.js", null).expect(200).body())
                .contains("url: \"../v3/api-docs\"");
        assertThat(api.get("/swagger-ui/swagger-ui-bundle.js", null).expect(200).body()).contains("SwaggerUIBundle");
    }
}
