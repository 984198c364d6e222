package dev.darkmaximus.platform.openapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's contract as a running shop serves it: the committed {@code openapi/openapi.yaml}, packed into the jar at
 * build time, at the addresses springdoc used ({@code /v3/api-docs.yaml}, and {@code /v3/api-docs} as JSON), with
 * Swagger UI ({@link SwaggerUi}) reading it.
 * <p>
 * The document is generated from the code only where it is checked: the tests and {@code make openapi} turn springdoc
 * on (at {@code /v3/generated-api-docs}) and OpenApiContractIT fails when the committed file differs from it. So a shop
 * serves the same document without generating it: springdoc and swagger-core are test dependencies (docs/benchmarks.md,
 * idle memory). The JSON form is read with SnakeYAML, which Spring Boot loads anyway for application.yaml: with
 * Jackson 2's YAML module on the class path, Spring builds a Jackson 2 mapper and YAML converter at every start.
 */
@RestController
class CommittedContract {

    static final String RESOURCE = "openapi/openapi.yaml";
    /** What springdoc answered {@code /v3/api-docs.yaml} with (OpenAPI's registered YAML media type). */
    static final MediaType OPENAPI_YAML = new MediaType("application", "vnd.oai.openapi", StandardCharsets.UTF_8);

    private final ClassPathResource file = new ClassPathResource(RESOURCE);
    /** Made on the first request for it: few ask, so an idle shop doesn't hold the document (0.4 MB) at all. */
    private volatile byte[] json;
    private final ReentrantLock making = new ReentrantLock();

    CommittedContract() {
        if (!file.exists()) {
            throw new IllegalStateException("The jar lacks " + RESOURCE + " (packed from openapi/ by the build)");
        }
    }

    @GetMapping("/v3/api-docs.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(OPENAPI_YAML).body(read());
    }

    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(jsonForm());
    }

    /** One parse, however many ask at once: the address is public, and each parse builds the document's whole tree. */
    private byte[] jsonForm() {
        byte[] made = json;
        if (made != null) {
            return made;
        }
        making.lock();
        try {
            if (json == null) {
                json = JsonMapper.shared().writeValueAsBytes(parse(read()));
            }
            return json;
        } finally {
            making.unlock();
        }
    }

    private byte[] read() {
        try {
            return file.getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE + " from the jar", e);
        }
    }

    /**
     * YAML typed as the generator writes it, close to YAML 1.2's JSON schema: only {@code true}, {@code false},
     * {@code null} (and {@code ~} or nothing), decimal integers without leading zeros and decimals with a point are
     * typed; everything else stays a string. So an example such as {@code 2026-12-07}, {@code on}, {@code 0755} or
     * {@code 1e5} stays the string the contract means (the generator quotes only strings that would read as such
     * numbers), where SnakeYAML's default (YAML 1.1) would make a date, a boolean or an octal number of it.
     */
    static Object parse(byte[] yaml) {
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(Math.max(loading.getCodePointLimit(), yaml.length));
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new AsGenerated())
                .load(new ByteArrayInputStream(yaml));
    }

    private static final class AsGenerated extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
            addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^-?(?:0|[1-9][0-9]*)\\.[0-9]+(?:[eE][-+]?[0-9]+)?$"),
                    "-0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:null|~)$"), "n~");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }

    /** The address springdoc gave Swagger UI, which docs and bookmarks point at. */
    @GetMapping("/swagger-ui.html")
    ResponseEntity<Void> swaggerUi() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("swagger-ui/index.html")).build();
    }
}
