package dev.darkmaximus.platform.openapi;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Makes the response schemas say what the API really sends, from the Java records behind them: every property is
 * always present (Jackson writes nulls), so each is {@code required}, except those a record leaves out when empty
 * ({@code @JsonInclude(NON_NULL)}); and a property may be {@code null} unless its type can't be (a primitive, a
 * collection, which our views never leave null) or it is declared non-null ({@code @NotNull} and kin, or
 * {@code @Schema(requiredMode = REQUIRED)}). Request schemas keep their own rules for {@code required} (bean
 * validation says what must be sent); one that answers carry too gets its nulls marked all the same. Springdoc alone marks nothing required and nothing nullable, so a client generated
 * strictly from the contract broke on the first null.
 */
class ExactSchemas implements OpenApiCustomizer {

    private final String basePackage;

    ExactSchemas(String basePackage) {
        this.basePackage = basePackage; // scanned when the contract is first asked for, not in every start-up
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, Class<?>> records = recordsByName(basePackage);
        Set<String> requests = reachable(openApi, schemas, false);
        for (String name : reachable(openApi, schemas, true)) {
            Class<?> type = records.get(name);
            if (type != null) {
                // A schema that is also a request body keeps its request rules for "required" (there it would mean
                // "send it"); its nulls are true both ways (Jackson takes null for any non-primitive field).
                exact(schemas.get(name), type, !requests.contains(name));
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void exact(Schema schema, Class<?> type, boolean markRequired) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = jsonName(component);
            Schema property = properties.get(name);
            if (property == null || ignored(component)) {
                continue;
            }
            if (!omittedWhenNull(component, type)) {
                required.add(name);
            }
            if (!nonNull(component)) {
                properties.put(name, nullable(property));
            }
        }
        if (markRequired) {
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            // A $ref can't take "null" in its type: say "this or null".
            Schema either = new Schema();
            either.setAnyOf(List.of(new Schema().$ref(property.get$ref()), new Schema().types(Set.of("null"))));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = property.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(property.getTypes());
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            return property; // untyped already allows null
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    private static boolean nonNull(RecordComponent component) {
        Class<?> type = component.getType();
        if (type.isPrimitive() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return true;
        }
        if (annotated(component, NotNull.class) || annotated(component, NotBlank.class)
                || annotated(component, NotEmpty.class)) {
            return true;
        }
        io.swagger.v3.oas.annotations.media.Schema doc = annotation(component,
                io.swagger.v3.oas.annotations.media.Schema.class);
        return doc != null && doc.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
    }

    private static boolean omittedWhenNull(RecordComponent component, Class<?> type) {
        JsonInclude include = annotation(component, JsonInclude.class);
        if (include == null) {
            include = type.getAnnotation(JsonInclude.class);
        }
        return include != null && include.value() != JsonInclude.Include.ALWAYS;
    }

    private static boolean ignored(RecordComponent component) {
        JsonIgnore ignore = annotation(component, JsonIgnore.class);
        return ignore != null && ignore.value();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = annotation(component, JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static boolean annotated(RecordComponent component, Class<? extends java.lang.annotation.Annotation> type) {
        return annotation(component, type) != null;
    }

    /** On the component, its accessor or its field: where Java puts a record component's annotations. */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent component, Class<A> type) {
        for (AnnotatedElement element : List.<AnnotatedElement>of(component, component.getAccessor())) {
            A found = element.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
        } catch (NoSuchFieldException impossible) {
            return null;
        }
    }

    /** Every component schema an answer (or a request body) can contain, following references. */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(OpenAPI openApi, Map<String, Schema> schemas, boolean answers) {
        Set<String> found = new HashSet<>();
        List<Schema> pending = new ArrayList<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (answers && op.getResponses() != null) {
                op.getResponses().values().forEach(response -> addContent(response.getContent(), pending));
            }
            if (!answers && op.getRequestBody() != null) {
                addContent(op.getRequestBody().getContent(), pending);
            }
        }));
        while (!pending.isEmpty()) {
            Schema next = pending.removeLast();
            if (next == null) {
                continue;
            }
            if (next.get$ref() != null) {
                String name = next.get$ref().substring(next.get$ref().lastIndexOf('/') + 1);
                if (found.add(name) && schemas.containsKey(name)) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (next.getProperties() != null) {
                pending.addAll(next.getProperties().values());
            }
            pending.add(next.getItems());
            if (next.getAdditionalProperties() instanceof Schema additional) {
                pending.add(additional);
            }
            for (List<Schema> group : java.util.Arrays.asList(next.getAllOf(), next.getAnyOf(), next.getOneOf())) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
        }
        return found;
    }

    @SuppressWarnings("rawtypes")
    private static void addContent(Content content, List<Schema> pending) {
        if (content != null) {
            content.values().forEach(media -> pending.add(media.getSchema()));
        }
    }

    /**
     * Our records by the name springdoc gives their schema: {@code @Schema(name)} if set, else the simple name. A name
     * set explicitly wins over a record that merely has it as its simple name (views are often named after the
     * persistence record they show); two records that both claim a name are left out rather than guessed.
     */
    private static Map<String, Class<?>> recordsByName(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        Map<String, Class<?>> named = new HashMap<>();
        Map<String, Class<?>> simple = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ExactSchemas.class.getClassLoader());
            io.swagger.v3.oas.annotations.media.Schema doc =
                    type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            boolean explicit = doc != null && !doc.name().isEmpty();
            Map<String, Class<?>> into = explicit ? named : simple;
            String name = explicit ? doc.name() : type.getSimpleName();
            if (into.putIfAbsent(name, type) != null) {
                ambiguous.add((explicit ? "@" : "") + name);
            }
        }
        Map<String, Class<?>> byName = new HashMap<>(simple);
        byName.putAll(named);
        ambiguous.forEach(name -> byName.remove(name.startsWith("@") ? name.substring(1)
                : named.containsKey(name) ? "" : name));
        return byName;
    }
}
