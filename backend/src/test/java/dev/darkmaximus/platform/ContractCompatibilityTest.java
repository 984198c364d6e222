package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.darkmaximus.testsupport.ContractDiff;

/**
 * Integrators build on the released contract: a change that breaks a client generated from it must come with a new
 * major version (then release it into {@code openapi/released/}, and say so in {@code openapi/CHANGELOG.md}).
 */
class ContractCompatibilityTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Path OPENAPI = Path.of("../openapi");

    @Test
    void theContractKeepsEveryPromiseOfTheLastReleaseUnlessItsMajorVersionMoved() throws IOException {
        Path releasedFile = lastReleased();
        JsonNode released = YAML.readTree(Files.readString(releasedFile));
        JsonNode current = YAML.readTree(Files.readString(OPENAPI.resolve("openapi.yaml")));
        int releasedMajor = major(released.path("info").path("version").asString());
        int currentMajor = major(current.path("info").path("version").asString());
        assertThat(currentMajor).as("the version never goes back").isGreaterThanOrEqualTo(releasedMajor);
        if (currentMajor == releasedMajor) {
            assertThat(ContractDiff.breaking(released, current))
                    .as("breaking changes against " + releasedFile.getFileName() + ": bump the major version, or "
                            + "keep the old shape").isEmpty();
        }
    }

    @Test
    void theCheckSeesWhatBreaksAClientAndLetsAdditionsThrough() throws IOException {
        JsonNode released = YAML.readTree("""
                paths:
                  /a: {get: {responses: {"200": {}}}}
                  /b: {post: {requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/In"}}}},
                              responses: {"200": {}}}}
                components:
                  schemas:
                    Out: {type: object, required: [id, name], properties: {id: {type: integer}, name: {type: string},
                          state: {type: string, enum: [A, B]}}}
                    In: {type: object, properties: {note: {type: string}}}
                """);
        JsonNode additions = YAML.readTree("""
                paths:
                  /a: {get: {responses: {"200": {}, "404": {}}}}
                  /b: {post: {requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/In"}}}},
                              responses: {"200": {}}}}
                  /c: {get: {responses: {"200": {}}}}
                components:
                  schemas:
                    Out: {type: object, required: [id, name, extra], properties: {id: {type: integer},
                          name: {type: string}, extra: {type: string}, state: {type: string, enum: [A, B, C]}}}
                    In: {type: object, properties: {note: {type: string}, tag: {type: string}}}
                """);
        assertThat(ContractDiff.breaking(released, additions)).isEmpty();

        JsonNode breaks = YAML.readTree("""
                paths:
                  /b: {post: {requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/In"}}}},
                              responses: {}}}
                components:
                  schemas:
                    Out: {type: object, required: [id], properties: {id: {type: [integer, "null"]},
                          name: {type: string}, state: {type: string, enum: [A]}}}
                    In: {type: object, required: [tag], properties: {note: {type: string}, tag: {type: string}}}
                """);
        assertThat(ContractDiff.breaking(released, breaks)).containsExactlyInAnyOrder(
                "GET /a was removed",
                "POST /b no longer answers 200",
                "Out.id: type [integer] became [integer, null]",
                "Out.name is no longer always in answers",
                "Out.state: enum values removed [B]",
                "In.tag is newly required in requests");
    }

    private static Path lastReleased() throws IOException {
        try (Stream<Path> files = Files.list(OPENAPI.resolve("released"))) {
            return files.filter(f -> f.getFileName().toString().matches("openapi-[0-9]+\\.[0-9]+\\.[0-9]+\\.yaml"))
                    .max(Comparator.comparing(ContractCompatibilityTest::versionKey))
                    .orElseThrow(() -> new AssertionError("no released contract in openapi/released"));
        }
    }

    private static long versionKey(Path file) {
        String[] parts = file.getFileName().toString().replaceAll("^openapi-|\\.yaml$", "").split("\\.");
        return Long.parseLong(parts[0]) * 1_000_000 + Long.parseLong(parts[1]) * 1_000 + Long.parseLong(parts[2]);
    }

    private static int major(String version) {
        return Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
    }
}
