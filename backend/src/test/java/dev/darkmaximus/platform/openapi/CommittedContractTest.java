package dev.darkmaximus.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

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
}
