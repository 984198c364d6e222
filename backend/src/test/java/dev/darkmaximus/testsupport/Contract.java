package dev.darkmaximus.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.springframework.test.web.servlet.ResultHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed contract, {@code openapi/openapi.yaml}, as a check on every answer a test receives from our API: the
 * operation must be documented, the status listed for it, and a JSON body must validate against the schema the
 * contract gives for that status and content type (OpenAPI 3.1, JSON Schema 2020-12). Anything else is a violation,
 * and a violation fails the test that met it. {@code -Ddm.contract.report=<file>} collects violations in a file
 * instead, to see them all at once.
 */
public final class Contract {

    private static final String IRI = "https://darkmaximus.dev/contract/openapi.json";
    private static final Path FILE = locate();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile Contract loaded;

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Route(String method, Pattern pattern, String template) {
    }

    Contract(JsonNode document) {
        this.document = document;
        String json = JSON.writeValueAsString(document);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(IRI, json)));
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String regex = "^" + Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "$";
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), Pattern.compile(regex),
                        path.getKey()));
            }
        }
        // As Spring matches: a literal segment wins over a variable ("/keys/sync" before "/keys/{id}").
        routes.sort(Comparator.comparingLong(route -> route.template().chars().filter(c -> c == '{').count()));
    }

    /** The contract as committed, read once per test JVM. */
    public static Contract committed() {
        if (loaded == null) {
            synchronized (Contract.class) {
                if (loaded == null) {
                    try {
                        loaded = new Contract(YAMLMapper.builder().build().readTree(Files.readString(FILE)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return loaded;
    }

    /** Fails the calling test (or records, in report mode) when this answer breaks the contract. */
    public static void check(String method, String path, int status, String contentType, String body) {
        List<String> found = committed().violations(method, path, status, contentType, body);
        if (found.isEmpty()) {
            return;
        }
        String report = System.getProperty("dm.contract.report", "");
        String text = method + " " + path + " → " + status + ": " + String.join("; ", found);
        if (report.isBlank()) {
            throw new AssertionError("The answer breaks openapi/openapi.yaml: " + text);
        }
        try {
            Files.writeString(Path.of(report), text + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For MockMvc slice tests ({@code .andDo(Contract.checked())}): each answer checked as the test client's are. */
    public static ResultHandler checked() {
        return result -> check(result.getRequest().getMethod(), result.getRequest().getRequestURI(),
                result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** What is wrong with this answer by the contract; empty when nothing is, or the path is not the API's. */
    public List<String> violations(String method, String rawPath, int status, String contentType, String body) {
        // Routed as Spring routes: on the decoded path (a client may encode any character).
        String path = URLDecoder.decode(rawPath.replaceFirst("[?#].*$", "").replace("+", "%2B"),
                StandardCharsets.UTF_8);
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        Route route = routes.stream().filter(r -> r.method().equals(method) && r.pattern().matcher(path).matches())
                .findFirst().orElse(null);
        if (route == null) {
            // An address the API doesn't have can't be in its contract; its answer must still be a problem.
            return status == 404 || status == 405 ? validate("/components/schemas/Problem", body)
                    : List.of("no operation " + method + " " + path + " in the contract");
        }
        JsonNode responses = document.path("paths").path(route.template()).path(method.toLowerCase(Locale.ROOT))
                .path("responses");
        String code = Integer.toString(status);
        if (!responses.has(code) && !responses.has("default")) {
            return List.of("status " + status + " is not documented for " + method + " " + route.template());
        }
        String responseKey = responses.has(code) ? code : "default";
        JsonNode response = resolve(responses.path(responseKey));
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        String media = contentType == null ? "" : contentType.replaceFirst(";.*$", "").strip();
        if (!media.endsWith("json")) {
            return List.of();
        }
        if (!response.path("content").has(media)) {
            return List.of("a " + media + " body is not documented for " + status);
        }
        return validate(pointerOf(responses, responseKey, route, method) + "/content/" + escape(media) + "/schema",
                body);
    }

    /**
     * What is wrong with the contract's own examples: a JSON request body or success answer without one, or one its
     * schema refuses.
     */
    public List<String> exampleViolations() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                checkExamples(operation.getValue().path("requestBody"), at + "/requestBody", name + " request",
                        found);
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    if (response.getKey().startsWith("2") && !response.getValue().has("$ref")) {
                        checkExamples(response.getValue(), at + "/responses/" + response.getKey(),
                                name + " → " + response.getKey(), found);
                    }
                }
            }
        }
        return found;
    }

    private void checkExamples(JsonNode holder, String pointer, String name, List<String> found) {
        for (Map.Entry<String, JsonNode> media : holder.path("content").properties()) {
            if (!media.getKey().contains("json")) {
                continue;
            }
            JsonNode example = media.getValue().get("example");
            if (example == null) {
                found.add(name + ": no example");
                continue;
            }
            for (String error : validate(pointer + "/content/" + escape(media.getKey()) + "/schema",
                    JSON.writeValueAsString(example))) {
                found.add(name + ": example " + error);
            }
        }
    }

    private List<String> validate(String pointer, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return List.of("the body is not JSON");
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            errors.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return errors;
    }

    /** Where the response object lives in the document: at its operation, or in components when referenced. */
    private static String pointerOf(JsonNode responses, String key, Route route, String method) {
        JsonNode at = responses.path(key);
        if (at.has("$ref")) {
            return at.get("$ref").asString().substring(1);
        }
        return "/paths/" + escape(route.template()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + key;
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        Iterator<String> parts = List.of(node.get("$ref").asString().substring(2).split("/")).iterator();
        while (parts.hasNext()) {
            target = target.path(parts.next().replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static Path locate() {
        for (Path candidate : List.of(Path.of("../openapi/openapi.yaml"), Path.of("openapi/openapi.yaml"))) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("openapi/openapi.yaml not found from " + Path.of("").toAbsolutePath());
    }
}
