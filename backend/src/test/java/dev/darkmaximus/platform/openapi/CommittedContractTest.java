package dev.darkmaximus.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop serves the committed file and does not generate the contract (OpenApiContractIT checks the two are the same
 * document, with generation on as in tests).
 */
class CommittedContractTest {

    @Test
    void theJarCarriesTheCommittedFile() throws IOException {
        assertThat(new ClassPathResource(CommittedContract.RESOURCE).getContentAsByteArray())
                .isEqualTo(Files.readAllBytes(Path.of("..", "openapi", "openapi.yaml")));
        assertThat(new CommittedContract().yaml().getBody())
                .isEqualTo(Files.readAllBytes(Path.of("..", "openapi", "openapi.yaml")));
    }

    /** springdoc and swagger-core in every running shop cost about 5 MB of idle memory (docs/benchmarks.md). */
    @Test
    void aShopRunsWithoutTheGenerator() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties settings = yaml.getObject();

        assertThat(settings).containsEntry("springdoc.api-docs.enabled", false)
                .containsEntry("springdoc.swagger-ui.enabled", false);
    }

    /** Typed only what the generator writes unquoted as a number, a boolean or null (YAML 1.1 types more). */
    @Test
    void theYamlIsReadAsJsonReadsIt() {
        String yaml = """
                example:
                  day: 2026-12-07
                  at: 2026-12-07T10:15:30Z
                  switch: on
                  answer: yes
                  octal: 0o17
                  leadingZero: 0755
                  notANumber: 1e5
                  exponent: 1.5e3
                  negative: -12
                  flag: true
                  count: 12
                  price: 1.50
                  nothing: null
                  empty:
                  list: [1, "2", off]
                "200":
                  description: OK
                """;
        Object read = CommittedContract.parse(yaml.getBytes(StandardCharsets.UTF_8));

        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) ((Map<String, Object>) read).get("example");
        assertThat(example).containsEntry("day", "2026-12-07").containsEntry("at", "2026-12-07T10:15:30Z")
                .containsEntry("switch", "on").containsEntry("answer", "yes").containsEntry("octal", "0o17")
                .containsEntry("leadingZero", "0755").containsEntry("notANumber", "1e5")
                .containsEntry("exponent", 1500.0).containsEntry("negative", -12)
                .containsEntry("flag", true).containsEntry("count", 12).containsEntry("price", 1.5)
                .containsEntry("nothing", null).containsEntry("empty", null)
                .containsEntry("list", List.of(1, "2", "off"));
        assertThat(((Map<?, ?>) read).containsKey("200")).isTrue();
    }

    /** The committed file's JSON form, as a client reads it: the whole document, in the file's order. */
    @Test
    void theJsonFormIsTheWholeDocument() {
        JsonNode json = JsonMapper.shared().readTree(new CommittedContract().json().getBody());

        assertThat(json.path("openapi").asString()).startsWith("3.");
        assertThat(json.path("paths").path("/api/v1/catalog/plans").isObject()).isTrue();
        assertThat(json.propertyNames().iterator().next()).isEqualTo("openapi");
    }

    /**
     * Callers that ask together while no JSON form exists yet share one parse: each gets the same array. Two parses
     * would each hand their callers their own (the address is public, and a parse builds the whole document's tree).
     */
    @Test
    void callersAskingTogetherShareOneParse() throws Exception {
        CommittedContract contract = new CommittedContract();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<byte[]> answers;
        try (var threads = Executors.newFixedThreadPool(callers)) {
            List<Future<byte[]>> asked = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return contract.json().getBody();
                }));
            }
            start.countDown();
            answers = new ArrayList<>();
            for (Future<byte[]> answer : asked) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isSameAs(answers.getFirst()));
    }
}
