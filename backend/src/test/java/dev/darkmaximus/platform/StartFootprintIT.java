package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * What an idle backend is spared at every start (docs/benchmarks.md, idle memory). Jackson 2 is in a shop only for
 * telegrambots' types, made on the bot's first call: no bean may be a Jackson 2 mapper or module (actuator's own
 * Jackson 2 mapper is turned off). Spring Data's web support (its Jackson modules, its argument resolvers) is left
 * out: no controller takes a Pageable, a Sort or an entity by id. (springdoc brings Jackson 2's YAML module into the
 * tests, and with it a YAML converter that is no bean; the build keeps that module out of a shop.)
 */
class StartFootprintIT extends IntegrationTest {

    private static final List<String> JACKSON_2 = List.of("com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.databind.Module",
            "org.springframework.boot.actuate.endpoint.jackson.EndpointJackson2ObjectMapper");

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void noBeanIsAJackson2MapperOrModule() throws ClassNotFoundException {
        var factory = context.getBeanFactory();
        for (String jackson2 : JACKSON_2) {
            Class<?> type = Class.forName(jackson2);
            var beans = Arrays.stream(factory.getBeanDefinitionNames())
                    .filter(name -> {
                        Class<?> made = factory.getType(name, false);
                        return made != null && type.isAssignableFrom(made);
                    })
                    .toList();
            assertThat(beans).as("beans that are a %s", jackson2).isEmpty();
        }
    }

    @Test
    void springDataWebSupportIsLeftOut() {
        var names = Arrays.asList(context.getBeanDefinitionNames());

        assertThat(names).noneMatch(name -> name.contains("DataWebAutoConfiguration")
                || name.contains("SpringDataJackson") || name.contains("SpringDataWebConfiguration"));
    }
}
