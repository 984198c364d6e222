package dev.darkmaximus.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The changes between a released contract and the current one that break a client generated from the released one.
 * Deliberately strict and simple: an operation removed; an answer's status removed; a schema removed; a property
 * removed, or its type changed; a property that was always in answers no longer required; an enum value removed;
 * a property of a request body newly required. Adding operations, statuses, optional properties or enum values is not
 * breaking here (our clients ignore unknown fields and values).
 */
public final class ContractDiff {

    private ContractDiff() {
    }

    public static List<String> breaking(JsonNode released, JsonNode current) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : released.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode now = current.path("paths").path(path.getKey()).path(op.getKey());
                String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (now.isMissingNode()) {
                    found.add(where + " was removed");
                    continue;
                }
                for (Map.Entry<String, JsonNode> status : op.getValue().path("responses").properties()) {
                    if (!now.path("responses").has(status.getKey())) {
                        found.add(where + " no longer answers " + status.getKey());
                    }
                }
            }
        }
        JsonNode before = released.path("components").path("schemas");
        JsonNode after = current.path("components").path("schemas");
        Set<String> requests = requestSchemas(released);
        for (Map.Entry<String, JsonNode> schema : before.properties()) {
            String name = schema.getKey();
            if (!after.has(name)) {
                found.add("schema " + name + " was removed");
                continue;
            }
            compare(name, schema.getValue(), after.get(name), requests.contains(name), found);
        }
        return found;
    }

    /** Schemas a request body can contain: there a newly required property breaks a client, in answers it doesn't. */
    private static Set<String> requestSchemas(JsonNode document) {
        Set<String> found = new HashSet<>();
        List<JsonNode> pending = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(op -> op.path("requestBody").path("content")
                .forEach(media -> pending.add(media.path("schema")))));
        while (!pending.isEmpty()) {
            JsonNode next = pending.removeLast();
            if (next.has("$ref")) {
                String name = next.get("$ref").asString().replaceFirst("^#/components/schemas/", "");
                if (found.add(name)) {
                    pending.add(document.path("components").path("schemas").path(name));
                }
            }
            next.path("properties").forEach(pending::add);
            for (String nested : List.of("items", "additionalProperties")) {
                if (next.path(nested).isObject()) {
                    pending.add(next.get(nested));
                }
            }
            for (String group : List.of("allOf", "anyOf", "oneOf")) {
                next.path(group).forEach(pending::add);
            }
        }
        return found;
    }

    private static void compare(String name, JsonNode before, JsonNode after, boolean request, List<String> found) {
        if (!types(before).equals(types(after))) {
            found.add(name + ": type " + types(before) + " became " + types(after));
        }
        Set<String> removedValues = values(before.path("enum"));
        removedValues.removeAll(values(after.path("enum")));
        if (!removedValues.isEmpty()) {
            found.add(name + ": enum values removed " + removedValues);
        }
        Set<String> requiredBefore = values(before.path("required"));
        Set<String> requiredAfter = values(after.path("required"));
        for (Map.Entry<String, JsonNode> property : before.path("properties").properties()) {
            JsonNode now = after.path("properties").path(property.getKey());
            String where = name + "." + property.getKey();
            if (now.isMissingNode()) {
                found.add(where + " was removed");
                continue;
            }
            if (!request && requiredBefore.contains(property.getKey()) && !requiredAfter.contains(property.getKey())) {
                found.add(where + " is no longer always in answers");
            }
            compare(where, property.getValue(), now, request, found);
        }
        if (request) {
            for (String required : requiredAfter) {
                if (!requiredBefore.contains(required)) {
                    found.add(name + "." + required + " is newly required in requests");
                }
            }
        }
        if (before.has("items") && after.has("items")) {
            compare(name + "[]", before.get("items"), after.get("items"), request, found);
        }
        if (before.has("$ref") && !before.path("$ref").equals(after.path("$ref"))) {
            found.add(name + ": " + before.get("$ref").asString() + " became " + after.path("$ref").asString(""));
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type.isString()) {
            types.add(type.asString());
        }
        return types;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.isNull() ? "null" : value.asString()));
        return values;
    }
}
