package dev.darkmaximus.platform.openapi;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.core.type.MethodMetadata;

/**
 * Where springdoc generates the contract (tests, make openapi), its generator (springdoc's document builders and
 * controllers, our schema customizers) is made when the generated document is first asked for, not at every start of
 * a test context: most never ask (about 500 classes fewer at start; a shop serves the committed file instead,
 * {@link CommittedContract}).
 * <p>
 * As Spring Boot's own lazy initialisation does it, limited to these beans: a definition is made lazy unless it says
 * otherwise. springdoc marks {@code @Lazy(false)} the beans that must exist before the document is generated (those
 * that register what the generator ignores or how it wraps answers), so they are still made at start. springdoc's
 * routes are mapped at start by bean name and resolved on the first request.
 */
final class ContractOnFirstUse implements BeanFactoryPostProcessor {

    private static final String SPRINGDOC = "org.springdoc.";
    private static final String OUR_CONFIGURATION = OpenApiConfiguration.class.getName();

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            if (definition instanceof AbstractBeanDefinition undecided && undecided.getLazyInit() == null
                    && isContractMachinery(definition)) {
                definition.setLazyInit(true);
            }
        }
    }

    static boolean isContractMachinery(BeanDefinition definition) {
        String type = definition.getBeanClassName();
        if (type != null && (type.startsWith(SPRINGDOC) || type.equals(OUR_CONFIGURATION))) {
            return true;
        }
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                String declaredIn = factoryMethod.getDeclaringClassName();
                return declaredIn.startsWith(SPRINGDOC) || declaredIn.equals(OUR_CONFIGURATION);
            }
        }
        return false;
    }
}
