package dev.darkmaximus.auth.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.auth.TelegramAuthService;
import dev.darkmaximus.customer.TelegramProfile;
import dev.darkmaximus.platform.error.ApiException;

/**
 * Lets the Mini App be opened in a plain browser on a developer's machine. The bean exists only in the dev
 * profile, so in production the path is simply unknown (404); even in dev it answers only connections made to a
 * loopback address, and the dev profile refuses to start next to a real bot or database ({@code DevProfileGuard}).
 */
@RestController
@Profile("dev")
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
@SecurityRequirements
class DevAuthController {

    private final TelegramAuthService telegram;

    DevAuthController(TelegramAuthService telegram) {
        this.telegram = telegram;
    }

    /**
     * Only a browser on this machine: the connection arrived on a loopback address, for a loopback host name, over
     * plain http, and nothing forwarded it. A tunnel (ngrok, cloudflared) or reverse proxy on the same machine also
     * connects from loopback, but it names the public host or adds its forwarding headers.
     */
    private static boolean fromThisMachine(HttpServletRequest http) {
        boolean loopbackConnection;
        try {
            loopbackConnection = InetAddress.getByName(http.getLocalAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopbackConnection = false;
        }
        String host = http.getServerName() == null ? "" : http.getServerName().toLowerCase(Locale.ROOT);
        boolean loopbackHost = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
        return loopbackConnection && loopbackHost && !http.isSecure()
                && FORWARDING_HEADERS.stream().noneMatch(header -> http.getHeader(header) != null);
    }

    /** Headers a proxy or tunnel adds; a browser talking straight to the backend sends none of them. */
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded",
            "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "CF-Connecting-IP");

    @PostMapping("/dev")
    @Operation(operationId = "devLogin", summary = "Sign in as a customer without Telegram (dev profile only)",
            description = "Development aid: signs in as the given Telegram user without a signature. Exists only "
                    + "when the backend runs with the `dev` profile; answers 404 otherwise.")
    @ApiResponse(responseCode = "200", description = "Signed in.")
    @ApiResponse(responseCode = "404", description = "Not a browser on the server's own machine: the endpoint "
            + "answers as if it did not exist.", ref = "#/components/responses/NotFound")
    TokenResponse devLogin(@Valid @RequestBody DevLoginRequest request, HttpServletRequest http) {
        if (!fromThisMachine(http)) {
            throw ApiException.notFound("Endpoint", "/api/v1/auth/dev");
        }
        return TokenResponse.from(telegram.loginForDevelopment(new TelegramProfile(request.telegramId(),
                request.username(), request.firstName() == null ? "Dev" : request.firstName(), null,
                request.language())));
    }
}
