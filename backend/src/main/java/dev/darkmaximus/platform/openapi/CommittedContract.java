package dev.darkmaximus.platform.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's contract as a running shop serves it: the committed {@code openapi/openapi.yaml}, packed into the jar at
 * build time, at the addresses springdoc used ({@code /v3/api-docs.yaml}, and {@code /v3/api-docs} as JSON), with
 * Swagger UI ({@link SwaggerUi}) reading it.
 * <p>
 * The document is generated from the code only where it is checked: the tests and {@code make openapi} turn springdoc
 * on (at {@code /v3/generated-api-docs}) and OpenApiContractIT fails when the committed file differs from it. So a shop
 * serves the same document without generating it, and without springdoc's and swagger-core's classes and heap in every
 * process (about 5 MB of an idle backend; make bench, issue 24).
 */
@RestController
class CommittedContract {

    static final String RESOURCE = "openapi/openapi.yaml";
    /** What springdoc answered {@code /v3/api-docs.yaml} with (OpenAPI's registered YAML media type). */
    static final MediaType OPENAPI_YAML = new MediaType("application", "vnd.oai.openapi",
            java.nio.charset.StandardCharsets.UTF_8);

    private final byte[] yaml;
    /** Made on the first request for it: few ask, and the YAML reader is not loaded before. */
    private volatile byte[] json;

    CommittedContract() {
        try {
            yaml = new ClassPathResource(RESOURCE).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The jar lacks " + RESOURCE + " (packed from openapi/ by the build)", e);
        }
    }

    @GetMapping("/v3/api-docs.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(OPENAPI_YAML).body(yaml);
    }

    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> json() {
        byte[] made = json;
        if (made == null) {
            try {
                made = new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
            } catch (IOException e) {
                throw new UncheckedIOException("The committed contract is not YAML", e);
            }
            json = made;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(made);
    }

    /** The address springdoc gave Swagger UI, which docs and bookmarks point at. */
    @GetMapping("/swagger-ui.html")
    ResponseEntity<Void> swaggerUi() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("swagger-ui/index.html")).build();
    }
}
