package dev.darkmaximus.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives every operation an example of its JSON request body and of each JSON success answer, put together from the
 * schema: each property's own {@code example} where the code declares one, else its first enum value, else a value
 * of its type and format. A hand-written example on the operation is kept. OpenApiContractIT checks that every
 * example is valid by the contract itself, so an example can't promise a shape the API doesn't have.
 */
class ContractExamples implements OpenApiCustomizer {

    private static final int MAX_DEPTH = 6;

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? Map.of() : openApi.getComponents().getSchemas();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getRequestBody() != null) {
                fill(op.getRequestBody().getContent(), schemas);
            }
            if (op.getResponses() != null) {
                op.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        fill(content(response), schemas);
                    }
                });
            }
        }));
    }

    private static Content content(ApiResponse response) {
        return response == null ? null : response.getContent();
    }

    @SuppressWarnings("rawtypes")
    private static void fill(Content content, Map<String, Schema> schemas) {
        if (content == null) {
            return;
        }
        content.forEach((media, type) -> {
            if (media.contains("json") && type.getSchema() != null && type.getExample() == null
                    && (type.getExamples() == null || type.getExamples().isEmpty())) {
                type.setExample(example(type.getSchema(), schemas, 0, null));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Object example(Schema schema, Map<String, Schema> schemas, int depth, String name) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            String ref = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return example(schemas.get(ref), schemas, depth + 1, name);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (group != null) {
                for (Schema option : group) {
                    Object value = example(option, schemas, depth + 1, name);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        if (schema.getEnum() != null) {
            return schema.getEnum().stream().filter(v -> v != null).findFirst().orElse(null);
        }
        Set<String> types = schema.getTypes() != null ? schema.getTypes()
                : schema.getType() != null ? Set.of(schema.getType()) : Set.of();
        if (schema.getProperties() != null || types.contains("object")) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).forEach((property, value) ->
                        object.put(property, example(value, schemas, depth + 1, property)));
            }
            if (schema.getProperties() == null && schema.getAdditionalProperties() instanceof Schema values) {
                object.put("key", example(values, schemas, depth + 1, "value"));
            }
            return object;
        }
        if (types.contains("array")) {
            List<Object> items = new ArrayList<>();
            Object item = example(schema.getItems(), schemas, depth + 1, name);
            if (item != null) {
                items.add(item);
            }
            return items;
        }
        if (types.contains("integer")) {
            return schema.getMinimum() != null ? schema.getMinimum().longValue() : 1;
        }
        if (types.contains("number")) {
            return 1;
        }
        if (types.contains("boolean")) {
            return true;
        }
        if (types.contains("string")) {
            return string(schema.getFormat());
        }
        return null;
    }

    private static String string(String format) {
        return switch (format == null ? "" : format) {
            case "date-time" -> "2026-12-05T10:15:30Z";
            case "date" -> "2026-12-05";
            case "uuid" -> "3f2a9c1e-7b44-4f0e-9d7a-1c2b3d4e5f60";
            case "uri", "url" -> "https://example.com/";
            case "uri-reference" -> "/api/v1/";
            case "email" -> "customer@example.com";
            case "byte" -> "AA==";
            default -> "text";
        };
    }
}
