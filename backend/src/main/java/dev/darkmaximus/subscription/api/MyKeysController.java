package dev.darkmaximus.subscription.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.web.Caller;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyService;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me-keys")
class MyKeysController {

    private final KeyQueries queries;
    private final KeyService keys;

    MyKeysController(KeyQueries queries, KeyService keys) {
        this.queries = queries;
        this.keys = keys;
    }

    @GetMapping("/keys")
    @Operation(operationId = "listMyKeys", summary = "The signed-in customer's keys",
            description = "Live keys (revoked ones are left out), by number.")
    @ApiResponse(responseCode = "200", description = "The keys.")
    List<MyKeyResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return queries.forCustomer(Caller.customerId(jwt)).stream().map(MyKeyResponse::from).toList();
    }

    @GetMapping("/keys/{id}")
    @Operation(operationId = "getMyKey", summary = "One of my keys, with its links")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    MyKeyResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return MyKeyResponse.from(queries.getOwned(Caller.customerId(jwt), id));
    }

    @GetMapping(value = "/keys/{id}/qr", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "getMyKeyQr", summary = "QR code of a key's link (PNG)",
            description = "Scan it with a VPN app. 404 `link_not_ready` while the key is being prepared.")
    @ApiResponse(responseCode = "200", description = "A PNG image.",
            content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                              @Parameter(description = "link (the connection link) or subscription (the URL).",
                                      example = "link")
                              @RequestParam(defaultValue = "link") String target) {
        boolean subscription = switch (target.toLowerCase(Locale.ROOT)) {
            case "subscription" -> true;
            case "link" -> false;
            default -> throw InvalidInputException.field("target", "invalid_target",
                    "must be link or subscription");
        };
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(queries.qrCode(Caller.customerId(jwt), id, subscription));
    }

    @PutMapping("/keys/{id}/auto-renew")
    @Operation(operationId = "setMyKeyAutoRenew", summary = "Turn auto-renewal of a key on or off",
            description = "An auto-renewing key is extended from the balance in the day before it expires.")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    MyKeyResponse autoRenew(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                            @Valid @RequestBody AutoRenewRequest request) {
        return MyKeyResponse.from(keys.setAutoRenew(Caller.customerId(jwt), id, request.mode()));
    }

    @PutMapping("/keys/{id}/label")
    @Operation(operationId = "renameMyKey", summary = "Name a key")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    MyKeyResponse rename(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                         @Valid @RequestBody LabelRequest request) {
        return MyKeyResponse.from(keys.rename(Caller.customerId(jwt), id, request.label()));
    }

    @PostMapping("/trial")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "requestTrial", summary = "Take the free trial",
            description = "Once per customer, on the server the customer picked among `GET /me/trial/hosts` (the first "
                    + "of them when `hostId` is left out). The key is prepared in the background (status "
                    + "provisioning) and the customer is messaged when it is ready. 409 `trial_used`, "
                    + "`trial_disabled` or `trial_unavailable`; 400 `not_offered` for a server trials aren't on.")
    @ApiResponse(responseCode = "201", description = "The trial key, being prepared.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    MyKeyResponse trial(@AuthenticationPrincipal Jwt jwt,
                        @Parameter(description = "The server to take the trial on, one of `GET /me/trial/hosts`.")
                        @RequestParam(required = false) Long hostId) {
        return MyKeyResponse.from(keys.requestTrial(Caller.customerId(jwt), hostId));
    }

    @GetMapping("/trial/hosts")
    @Operation(operationId = "listTrialHosts", summary = "Where I may take the trial",
            description = "The admins' trial server, or every enabled server when they left the choice to "
                    + "customers, in the storefront's order. The list doesn't say whether this customer's trial is "
                    + "still unused (`GET /me` does).")
    @ApiResponse(responseCode = "200", description = "The servers.")
    List<TrialHostResponse> trialHosts() {
        return keys.trialHosts().stream().map(TrialHostResponse::from).toList();
    }
}
