package dev.darkmaximus.auth.apikey.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.auth.apikey.ApiKeyService;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/admin/api-keys")
@Tag(name = "admin-api-keys")
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyAdminController {

    private final ApiKeyService keys;

    ApiKeyAdminController(ApiKeyService keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "All API keys, newest first, revoked ones included")
    @ApiResponse(responseCode = "200", description = "The keys (never the keys themselves).")
    List<ApiKeyResponse> list() {
        return keys.list().stream().map(ApiKeyResponse::from).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Issue a key to an integrator",
            description = "The answer is the only place the key ever appears: only its SHA-256 is stored. Audited "
                    + "without the key.")
    @ApiResponse(responseCode = "201", description = "The key and its description.")
    CreatedApiKeyResponse create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ApiKeyCreateRequest request) {
        return CreatedApiKeyResponse.from(keys.create(request.name(), request.scopes(), Caller.staffId(jwt)));
    }

    @PostMapping("/{id}/revoke")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key",
            description = "Takes effect on the next request (401 `invalid_api_key`). Revoking twice is harmless.")
    @ApiResponse(responseCode = "200", description = "The revoked key.")
    ApiKeyResponse revoke(@PathVariable long id) {
        return ApiKeyResponse.from(keys.revoke(id));
    }
}
