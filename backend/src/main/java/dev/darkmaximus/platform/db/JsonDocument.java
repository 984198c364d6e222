package dev.darkmaximus.platform.db;

/**
 * A JSON document stored in a jsonb column (provider snapshots, outbox payloads, template parameters). Kept as text:
 * the features that own the document parse it with their own types.
 */
public record JsonDocument(String json) {

    public static final JsonDocument EMPTY_OBJECT = new JsonDocument("{}");

    public JsonDocument {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("a JSON document can't be empty");
        }
    }
}
