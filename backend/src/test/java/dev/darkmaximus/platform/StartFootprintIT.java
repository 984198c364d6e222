package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * What an idle backend is spared at every start (docs/benchmarks.md, idle memory): Jackson 2 is on the class path only
 * for telegrambots' types and is built on the bot's first call, so nothing Spring makes at start may build a Jackson 2
 * mapper or module; and Spring Data's web support (its Jackson modules, its argument resolvers) is left out, as no
 * controller takes a Pageable, a Sort or an entity by id.
 */
class StartFootprintIT extends IntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void noJackson2MapperOrModuleIsMadeAtStart() {
        var factory = context.getBeanFactory();
        var jackson2 = Arrays.stream(factory.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = factory.getType(name, false);
                    return type != null && type.getName().startsWith("com.fasterxml.jackson.databind.");
                })
                .toList();

        assertThat(jackson2).isEmpty();
        assertThat(context.containsBean("jackson2EndpointJsonMapper")).isFalse();
    }

    @Test
    void springDataWebSupportIsLeftOut() {
        var names = Arrays.asList(context.getBeanDefinitionNames());

        assertThat(names).noneMatch(name -> name.contains("DataWebAutoConfiguration")
                || name.contains("SpringDataJackson") || name.contains("SpringDataWebConfiguration"));
    }
}
