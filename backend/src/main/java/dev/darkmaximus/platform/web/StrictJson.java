package dev.darkmaximus.platform.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as their types say: a number sent as a JSON string ("5000"), or a boolean as "true", is a
 * field error, not quietly converted. Money and limits must arrive as what the contract says they are. And the API
 * speaks JSON only, as the contract says.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer noScalarCoercion() {
        return builder -> {
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                builder.withCoercionConfig(type, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
            }
        };
    }

    /**
     * Spring adds a YAML reader and writer whenever Jackson 2's YAML module is on the class path: the API then answered
     * {@code Accept: application/yaml} in YAML and read YAML bodies through a Jackson 2 mapper with none of the rules
     * above. The build keeps the module out of a shop (backend/pom.xml's enforcer rule), but springdoc brings it into
     * the tests, and a dependency that brought it back must not change the API.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer jsonOnly() {
        return builder -> builder.configureMessageConvertersList(converters -> converters.removeIf(StrictJson::isYaml));
    }

    static boolean isYaml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().endsWith("yaml"));
    }
}
