package dev.darkmaximus.messaging.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.messaging.TemplateService;
import dev.darkmaximus.messaging.TemplateView;

@RestController
@RequestMapping("/api/v1/admin/templates")
@Validated
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-templates")
class TemplateAdminController {

    private final TemplateService templates;

    TemplateAdminController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(operationId = "listTemplates", summary = "Every customer-facing text with its defaults and edits")
    @ApiResponse(responseCode = "200", description = "The templates, by key.")
    List<TemplateView> list(@Parameter(description = "Filter: part of the key or of a default text.")
                            @RequestParam(required = false) String q) {
        return templates.list(q);
    }

    @GetMapping("/{key}")
    @Operation(operationId = "getTemplate", summary = "One template")
    @ApiResponse(responseCode = "200", description = "The template.")
    TemplateView get(@PathVariable String key) {
        return templates.get(key);
    }

    @PutMapping("/{key}/{language}")
    @Operation(operationId = "updateTemplate", summary = "Reword a template in one language",
            description = "Only the key's own placeholders and Telegram's HTML tags, all closed; otherwise 400 naming "
                    + "the problem (`unknown_placeholder`, `unsupported_html`, `unbalanced_html`). Audited.")
    @ApiResponse(responseCode = "200", description = "The template.")
    TemplateView update(@AuthenticationPrincipal Jwt jwt, @PathVariable String key,
                        @Parameter(example = "ru") @PathVariable String language,
                        @Valid @RequestBody TemplateText body) {
        String editor = jwt == null ? null
                : jwt.getClaimAsString("name") == null || jwt.getClaimAsString("name").isBlank() ? jwt.getSubject()
                : jwt.getClaimAsString("name");
        return templates.update(key, language, body.text(), editor);
    }

    @DeleteMapping("/{key}/{language}")
    @Operation(operationId = "resetTemplate", summary = "Go back to the shipped text in one language. Audited.")
    @ApiResponse(responseCode = "200", description = "The template.")
    TemplateView reset(@PathVariable String key, @Parameter(example = "ru") @PathVariable String language) {
        return templates.reset(key, language);
    }

    @PostMapping("/{key}/{language}/preview")
    @Operation(operationId = "previewTemplate", summary = "Render a draft (or the current text) with sample values")
    @ApiResponse(responseCode = "200", description = "The rendered text (Telegram HTML).")
    TemplatePreview preview(@PathVariable String key, @Parameter(example = "ru") @PathVariable String language,
                            @RequestBody(required = false) TemplateText body) {
        return new TemplatePreview(templates.preview(key, language, body == null ? null : body.text()));
    }

    @Schema(name = "TemplateText")
    record TemplateText(@NotNull @Size(min = 1, max = 4096) String text) {
    }

    @Schema(name = "TemplatePreview")
    record TemplatePreview(String html) {
    }
}
