package dev.darkmaximus.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springdoc.core.providers.ObjectMapperProvider;

import dev.darkmaximus.platform.db.ChangeCounters;

class ContractOnFirstUseTest {

    @Test
    void springdocsBeansAndOurContractBeansAreMadeOnFirstUseAndNothingElse() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        // Where the contract is generated (tests, make openapi): a shop serves the committed file instead.
        StandardEnvironment generating = new StandardEnvironment();
        generating.getPropertySources().addFirst(new MapPropertySource("generating",
                Map.of("springdoc.api-docs.enabled", "true")));
        new AnnotatedBeanDefinitionReader(factory, generating).register(OpenApiConfiguration.class);
        ConfigurationClassPostProcessor configurations = new ConfigurationClassPostProcessor();
        configurations.setEnvironment(generating);
        configurations.postProcessBeanDefinitionRegistry(factory);
        factory.registerBeanDefinition("springdocMapper", new RootBeanDefinition(ObjectMapperProvider.class));
        factory.registerBeanDefinition("ours", new RootBeanDefinition(ChangeCounters.class));
        RootBeanDefinition eager = new RootBeanDefinition(ObjectMapperProvider.class);
        eager.setLazyInit(false); // as springdoc's @Lazy(false) beans: what the generator needs made first
        factory.registerBeanDefinition("springdocEager", eager);

        new ContractOnFirstUse().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinition("springdocMapper").isLazyInit()).isTrue();
        assertThat(factory.getBeanDefinition("darkMaximusOpenApi").isLazyInit()).isTrue();
        assertThat(factory.getBeanDefinition("exactSchemas").isLazyInit()).isTrue();
        assertThat(factory.getBeanDefinition("ours").isLazyInit()).isFalse();
        assertThat(factory.getBeanDefinition("springdocEager").isLazyInit()).isFalse();
    }
}
