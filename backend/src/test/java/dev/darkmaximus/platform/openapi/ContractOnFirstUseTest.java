package dev.darkmaximus.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springdoc.core.providers.ObjectMapperProvider;

import dev.darkmaximus.platform.db.ChangeCounters;

class ContractOnFirstUseTest {

    @Test
    void springdocsBeansAndOurContractBeansAreMadeOnFirstUseAndNothingElse() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        new AnnotatedBeanDefinitionReader(factory).register(OpenApiConfiguration.class);
        new ConfigurationClassPostProcessor().postProcessBeanDefinitionRegistry(factory);
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
