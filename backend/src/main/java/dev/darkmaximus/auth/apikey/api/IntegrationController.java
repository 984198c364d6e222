package dev.darkmaximus.auth.apikey.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.auth.apikey.ApiKeyPrincipal;

@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "integrations")
@SecurityRequirement(name = "apiKey")
class IntegrationController {

    @GetMapping("/whoami")
    @Operation(operationId = "integrationWhoami", summary = "The key this request was made with",
            description = "For integrators to check their setup: any valid key, whatever its scopes. Bearer tokens "
                    + "are not accepted here (401).")
    @ApiResponse(responseCode = "200", description = "The key's id, name and scopes.")
    WhoamiResponse whoami(@AuthenticationPrincipal ApiKeyPrincipal key) {
        return WhoamiResponse.from(key);
    }
}
