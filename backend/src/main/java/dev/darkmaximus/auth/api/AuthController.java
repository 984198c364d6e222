package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.auth.SessionService;
import dev.darkmaximus.auth.StaffService;
import dev.darkmaximus.auth.TelegramAuthService;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
@SecurityRequirements
class AuthController {

    private final StaffService staff;
    private final TelegramAuthService telegram;
    private final SessionService sessions;

    AuthController(StaffService staff, TelegramAuthService telegram, SessionService sessions) {
        this.staff = staff;
        this.telegram = telegram;
        this.sessions = sessions;
    }

    @PostMapping("/admin/login")
    @Operation(operationId = "adminLogin", summary = "Sign in as staff",
            description = "Exchanges a staff login and password (plus the current TOTP code when the account has "
                    + "two-factor sign-in) for an access token. A right password without a code answers 401 "
                    + "`totp_required`, so the client can ask for it; a wrong or reused code answers 401 "
                    + "`invalid_totp`. After `dm.auth.lockout-attempts` wrong passwords or codes in a row the "
                    + "account is locked for `dm.auth.lockout-duration`; a locked account is answered exactly like "
                    + "a wrong login (`invalid_credentials`), so answers don't tell which logins exist. A password "
                    + "over 72 bytes is a field error (`password_too_long`).")
    @ApiResponse(responseCode = "200", description = "Signed in.")
    TokenResponse adminLogin(@Valid @RequestBody AdminLoginRequest request) {
        return TokenResponse.from(staff.login(request.username(), request.password(), request.totp()));
    }

    @PostMapping("/telegram")
    @Operation(operationId = "telegramLogin", summary = "Sign in from the Mini App",
            description = "Verifies Telegram.WebApp.initData (HMAC-SHA256 with the bot token, freshness of "
                    + "auth_date), creates the customer on first contact and returns a customer token. Banned "
                    + "customers get 403 `customer_banned`.")
    @ApiResponse(responseCode = "200", description = "Signed in.")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    TokenResponse telegramLogin(@Valid @RequestBody TelegramLoginRequest request) {
        return TokenResponse.from(telegram.loginWithInitData(request.initData()));
    }

    @PostMapping("/logout")
    @Operation(operationId = "logout", summary = "Sign out",
            description = "Revokes the refresh token and every token of its sign-in, so the session can't be renewed. "
                    + "Answers 204 whether or not the token was still valid.")
    @ApiResponse(responseCode = "204", description = "Signed out.")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        sessions.signOut(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/refresh")
    @Operation(operationId = "refreshToken", summary = "Renew a session",
            description = "Exchanges a refresh token for a new access token and a new refresh token. Each refresh "
                    + "token works once: presenting a used one revokes every token of that sign-in. The role is "
                    + "re-checked, so banned customers and deactivated staff can't renew.")
    @ApiResponse(responseCode = "200", description = "Renewed.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.from(sessions.refresh(request.refreshToken()));
    }
}
