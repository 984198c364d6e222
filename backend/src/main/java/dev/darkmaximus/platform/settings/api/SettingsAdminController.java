package dev.darkmaximus.platform.settings.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.settings.SettingsService;

@RestController
@RequestMapping("/api/v1/admin/settings")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-settings")
class SettingsAdminController {

    private final SettingsService settings;

    SettingsAdminController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(operationId = "listSettings", summary = "Every shop setting by group, with defaults and current values",
            description = "Secret settings never show their value, only `secretSet`.")
    @ApiResponse(responseCode = "200", description = "The settings, grouped in screen order.")
    SettingsResponse list(
            @Parameter(in = ParameterIn.HEADER, name = "Accept-Language", example = "ru",
            description = "Labels and help in Russian when it starts with `ru`, else in English.")
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return new SettingsResponse(settings.list(language(language)));
    }

    @PutMapping
    @Operation(operationId = "updateSettings", summary = "Change settings",
            description = "Values are strings; an empty string or null returns a setting to its default. All values "
                    + "are checked first and nothing is stored unless all are valid: each refusal is a field error "
                    + "named after the setting's key (`unknown_setting`, `format`, `out_of_range`, `too_long`). "
                    + "Takes effect at once; one audit entry (`setting.changed`) per changed setting, secrets masked.")
    @ApiResponse(responseCode = "200", description = "The settings after the change.")
    SettingsResponse update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SettingsUpdateRequest request,
            @Parameter(in = ParameterIn.HEADER, name = "Accept-Language", example = "ru",
            description = "Labels and help in Russian when it starts with `ru`, else in English.")
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        String editor = jwt.getClaimAsString("name") == null || jwt.getClaimAsString("name").isBlank()
                ? jwt.getSubject() : jwt.getClaimAsString("name");
        return new SettingsResponse(settings.update(request.values(), editor, language(language)));
    }

    /** ru when the admin's language (Accept-Language) starts with ru, else en. */
    private static String language(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("ru") ? "ru" : "en";
    }
}
