package dev.darkmaximus.auth.apikey.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.apikey.ApiKeyPrincipal;
import dev.darkmaximus.auth.apikey.ApiScope;

public record WhoamiResponse(
        @Schema(example = "7") long keyId,
        @Schema(example = "CRM sync") String name,
        List<ApiScope> scopes) {

    static WhoamiResponse from(ApiKeyPrincipal key) {
        return new WhoamiResponse(key.keyId(), key.keyName(), key.scopes());
    }
}
