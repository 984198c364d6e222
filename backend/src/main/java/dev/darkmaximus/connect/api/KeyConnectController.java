package dev.darkmaximus.connect.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.connect.ConnectOptions;
import dev.darkmaximus.platform.web.Caller;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyView;

@RestController
@Tag(name = "me-keys")
class KeyConnectController {

    private final KeyQueries keys;
    private final ConnectOptions connect;

    KeyConnectController(KeyQueries keys, ConnectOptions connect) {
        this.keys = keys;
        this.connect = connect;
    }

    @GetMapping("/api/v1/me/keys/{id}/connect")
    @Operation(operationId = "connectMyKey", summary = "How to connect one of my keys",
            description = "The key's public page, the subscription URL VPN apps import, and each app of the shop's "
                    + "table with its one-tap import link and download pages. The Mini App shows the apps of the "
                    + "customer's platform.")
    @ApiResponse(responseCode = "200", description = "The ways to connect.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    KeyConnectResponse connect(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        KeyView key = keys.getOwned(Caller.customerId(jwt), id);
        return new KeyConnectResponse(connect.pageUrl(key).orElse(null), connect.subscriptionUrl(key).orElse(null),
                connect.apps(key).stream().map(KeyConnectResponse.ConnectApp::from).toList());
    }
}
