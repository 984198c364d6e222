package dev.darkmaximus.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * The contract's frame: info, tags, the bearer scheme and the problem+json error responses every operation shares.
 * Operations only declare their success answer and unusual errors; the rest is added here so no operation lacks them.
 * <p>
 * Only where springdoc generates the contract (tests, make openapi): a shop serves the committed file
 * ({@link CommittedContract}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("springdoc.api-docs.enabled")
class OpenApiConfiguration {

    /** The customer routes maintenance mode answers 503 on (messaging's MaintenanceFilter). */
    private static final List<String> MAINTAINED = List.of("/api/v1/me", "/api/v1/orders", "/api/v1/quotes",
            "/api/v1/catalog", "/api/v1/auth/telegram", "/api/v1/auth/dev");

    private static final String PROBLEM = "application/problem+json";

    /** Static: a post-processor runs before the other beans of this class exist. */
    @Bean
    static ContractOnFirstUse contractOnFirstUse() {
        return new ContractOnFirstUse();
    }

    @Bean
    OpenAPI darkMaximusOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Dark Maximus 3 API").version("1.1.0")
                        .description("REST API of the Dark Maximus 3 VPN shop: Mini App, admin UI and integrators. "
                                + "Money is always {amount, currency} in minor units. Errors are RFC 9457 problem+json "
                                + "with a stable `code`."))
                .servers(List.of(new Server().url("/").description("The server this document was fetched from")))
                .tags(List.of(
                        new Tag().name("auth").description("Sign-in for staff and customers."),
                        new Tag().name("catalog").description("The public storefront."),
                        new Tag().name("me").description("The signed-in customer."),
                        new Tag().name("me-keys").description("The signed-in customer's VPN keys and trial."),
                        new Tag().name("admin-hosts").description("VPN panels (admin)."),
                        new Tag().name("admin-plans").description("Plans and prices (admin)."),
                        new Tag().name("admin-customers").description("Customers (operators and admins)."),
                        new Tag().name("admin-keys").description("VPN keys: lifecycle actions and panel sync (staff)."),
                        new Tag().name("admin-outbox").description("Side effects that failed every attempt (admin)."),
                        new Tag().name("admin-me").description("The signed-in staff member and their two-factor sign-in."),
                        new Tag().name("admin-staff").description("Staff accounts (admin)."),
                        new Tag().name("admin-api-keys").description("Integrators' API keys (admin)."),
                        new Tag().name("integrations").description("Integrator endpoints, authenticated by X-Api-Key.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Access token from one of the auth operations."))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("An integrator's key from the admin's API keys page, with its scopes."))
                        .addSchemas("FieldError", fieldErrorSchema())
                        .addSchemas("Problem", problemSchema())
                        .responses(standardResponses()));
    }

    @Bean
    @Order(0)
    OpenApiCustomizer exactSchemas() {
        return new ExactSchemas("dev.darkmaximus");
    }

    /** Last: the examples are made from the finished schemas. */
    @Bean
    @Order(100)
    OpenApiCustomizer examples() {
        return new ContractExamples();
    }

    @Bean
    @Order(1)
    OpenApiCustomizer standardErrors() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            boolean catalog = op.getTags() != null && op.getTags().contains("catalog");
            if (catalog) {
                // Public, but a customer token personalises the answer: bearer, an integrator's key, or nothing.
                op.setSecurity(List.of(new SecurityRequirement().addList("bearer"),
                        new SecurityRequirement().addList("apiKey"), new SecurityRequirement()));
            }
            ApiResponses responses = op.getResponses();
            if (path.startsWith("/api/v1/integrations/") && item.getPost() == op && !path.endsWith("/quotes")) {
                requireIdempotencyKey(op);
                addRef(responses, "409", "Conflict");
            }
            boolean customerFacing = MAINTAINED.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))
                    || (path.startsWith("/api/v1/integrations/") && item.getGet() != op);
            if (customerFacing) {
                addRef(responses, "503", "Maintenance");
            }
            if (op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty())) {
                addRef(responses, "400", "BadRequest");
            }
            if (op.getRequestBody() != null) {
                addRef(responses, "413", "ContentTooLarge");
                addRef(responses, "415", "UnsupportedMediaType");
            }
            addRef(responses, "401", "Unauthorized");
            // The catalog too: a banned customer's token is refused there as everywhere (customer_banned).
            addRef(responses, "403", "Forbidden");
            if (path.contains("{")) {
                addRef(responses, "404", "NotFound");
            }
            addRef(responses, "406", "NotAcceptable");
            addRef(responses, "429", "TooManyRequests");
            addRef(responses, "500", "InternalError");
        }));
    }

    /** The header every integrator POST that changes something needs (integration's {@code IdempotentPosts}). */
    private static void requireIdempotencyKey(Operation op) {
        boolean declared = op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (!declared) {
            op.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(true)
                    .description("A fresh random key per operation; up to 78 of A-Z a-z 0-9 _ . : -. A retry with "
                            + "the same key within 24 h answers the first request's result.")
                    .schema(new StringSchema().pattern("^[A-Za-z0-9_.:-]{1,78}$"))
                    .example("3f2a9c1e-7b44-4f0e-9d7a-1c2b3d4e5f60"));
        }
    }

    private static void addRef(ApiResponses responses, String status, String name) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
        }
    }

    private static Map<String, ApiResponse> standardResponses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problem("The input is invalid; `errors` names the fields.", 400, "validation_failed",
                "The request has invalid fields; see errors.", true));
        responses.put("Unauthorized", problem("No valid credentials.", 401, "unauthorized",
                "Sign in first: send a valid bearer token.", false));
        responses.put("Forbidden", problem("The caller's role does not allow this (`forbidden`), or the signed-in "
                + "customer is banned (`customer_banned`).", 403, "forbidden",
                "Your role does not allow this action.", false));
        responses.put("NotFound", problem("No such object.", 404, "not_found", "Host 42 does not exist", false));
        responses.put("Conflict", problem("The change conflicts with the current state.", 409, "host_name_taken",
                "another host has this name", false));
        responses.put("ContentTooLarge", problem("The body is larger than this operation takes.", 413, "body_too_large",
                "The request body is larger than 64 KB.", false));
        responses.put("NotAcceptable", problem("The `Accept` header excludes every media type this operation answers "
                + "in (the API answers JSON, never YAML or XML).", 406, "not_acceptable",
                "This resource answers application/json.", false));
        responses.put("UnsupportedMediaType", problem("The body is not `application/json`.", 415,
                "unsupported_media_type", "Send the body as application/json.", false));
        responses.put("Unprocessable", problem("Understood, but refused by a system we passed it to.", 422,
                "telegram_refused", "Telegram refused the message: can't parse entities", false));
        ApiResponse tooMany = problem("Rate limit exceeded; retry after `Retry-After` seconds.", 429, "rate_limited",
                "Too many requests; retry after 42 s.", false);
        tooMany.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                .schema(new IntegerSchema().example(42)));
        responses.put("TooManyRequests", tooMany);
        responses.put("BadGateway", problem("The VPN panel did not answer or refused; nothing was changed.", 502,
                "panel_unavailable", "The panel did not confirm the deletion, so the key was left as it was: "
                        + "panel 3 unreachable (HttpConnectTimeoutException)", false));
        responses.put("ServiceUnavailable", problem("A dependency is not configured or not reachable.", 503,
                "telegram_not_configured", "Telegram sign-in is off: the shop has no bot token configured.", false));
        ApiResponse maintenance = problem("Maintenance mode: `detail` is the shop's \"back soon\" text, in the "
                + "customer's language; retry after `Retry-After` seconds.", 503, "maintenance",
                "🛠 We're down for maintenance and will be back soon.", false);
        maintenance.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                .schema(new IntegerSchema().example(300)));
        responses.put("Maintenance", maintenance);
        responses.put("InternalError", problem("Unexpected error; quote requestId to support.", 500, "internal_error",
                "Something went wrong on our side; quote the requestId to support.", false));
        return responses;
    }

    private static ApiResponse problem(String description, int status, String code, String detail, boolean withErrors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://darkmaximus.dev/problems/" + code);
        example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        example.put("status", status);
        example.put("detail", detail);
        example.put("code", code);
        example.put("requestId", "5f0c6d1e-8a4b-4f7e-9a51-0c2d3e4f5a6b");
        if (withErrors) {
            example.put("errors", List.of(Map.of("field", "name", "code", "required", "message", "must not be blank")));
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with our stable `code` and the request id.")
                .addProperty("type", new StringSchema().format("uri").example("https://darkmaximus.dev/problems/not_found"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("Host 42 does not exist"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/admin/hosts/42"))
                .addProperty("code", new StringSchema().description("Stable machine code; the last segment of type.")
                        .example("not_found"))
                .addProperty("requestId", new StringSchema().example("5f0c6d1e-8a4b-4f7e-9a51-0c2d3e4f5a6b"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError")))
                .addProperty("termsUrl", new StringSchema().format("uri").description("With `terms_not_accepted`: "
                        + "the terms to read before accepting them (`POST /api/v1/me/terms`).")
                        .example("https://example.com/terms"))
                .addProperty("channelUrl", new StringSchema().format("uri").nullable(true).description("With "
                        + "`channel_required`: the channel to join; null when the shop set none for a private "
                        + "channel.").example("https://t.me/my_vpn_news"))
                .required(List.of("type", "title", "status", "code"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema fieldErrorSchema() {
        return new ObjectSchema()
                .description("One invalid input field.")
                .addProperty("field", new StringSchema().example("prices[0].amount"))
                .addProperty("code", new StringSchema().example("too_small"))
                .addProperty("message", new StringSchema().example("must be greater than or equal to 0"))
                .required(List.of("field", "code", "message"));
    }
}
