package dev.darkmaximus.auth.apikey;

/** A new key together with its only appearance in clear. */
public record CreatedApiKey(ApiKeyView apiKey, String key) {

    @Override
    public String toString() {
        return "CreatedApiKey[id=" + apiKey.id() + "]";
    }
}
