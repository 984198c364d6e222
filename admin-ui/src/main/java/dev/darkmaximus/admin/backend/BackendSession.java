package dev.darkmaximus.admin.backend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.springframework.stereotype.Component;

import dev.darkmaximus.admin.AdminProperties;
import dev.darkmaximus.client.ApiClient;
import dev.darkmaximus.client.ApiException;
import dev.darkmaximus.client.api.AuthApi;
import dev.darkmaximus.client.model.AdminLoginRequest;
import dev.darkmaximus.client.model.RefreshRequest;
import dev.darkmaximus.client.model.TokenResponse;

/**
 * One operator's connection to the backend, kept in their Vaadin session: the tokens and a generated API client that
 * sends the access token. An expired access token is renewed once with the refresh token, transparently.
 */
@Component
@VaadinSessionScope
public class BackendSession {

    private final ApiClient client;
    private String accessToken;
    private String refreshToken;
    private String username;
    private String role;
    private String operatorIp;
    private boolean hidingPersonalData;

    public BackendSession(AdminProperties properties) {
        this.client = new ApiClient();
        client.updateBaseUri(properties.backendUrl());
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(properties.requestTimeout());
        client.setRequestInterceptor(request -> {
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            if (operatorIp != null) {
                // The backend limits sign-ins per client IP; without this every operator would share our IP's budget.
                request.header("X-Forwarded-For", operatorIp);
            }
        });
    }

    /** @param clientIp the operator's browser address, as this server sees it (after its own proxy) */
    public void signIn(String login, String password, String clientIp) {
        signIn(login, password, null, clientIp);
    }

    /** @param totp the current code from the authenticator app, for accounts with two-factor sign-in on */
    public void signIn(String login, String password, String totp, String clientIp) {
        accessToken = null;
        operatorIp = clientIp;
        TokenResponse tokens = call(c -> new AuthApi(c).adminLogin(new AdminLoginRequest().username(login)
                .password(password).totp(totp)));
        remember(tokens);
        username = login;
    }

    /** Signs out here and at the backend: the refresh token's whole sign-in is revoked, so it can't be renewed. */
    public void signOut() {
        String spent = refreshToken;
        accessToken = null;
        refreshToken = null;
        username = null;
        role = null;
        if (spent != null) {
            try {
                call(c -> {
                    new AuthApi(c).logout(new RefreshRequest().refreshToken(spent));
                    return null;
                });
            } catch (RuntimeException unreachable) {
                // The backend couldn't be told; the token still expires on its own. Signing out here must not fail.
            }
        }
    }

    public boolean signedIn() {
        return accessToken != null;
    }

    public String username() {
        return username;
    }

    /**
     * The signed-in staff member's id, read from our own backend's access token (no need to verify a token we were
     * just given; the backend verifies it on every call). Used for "my tickets" and the like.
     */
    public Long staffId() {
        if (accessToken == null) {
            return null;
        }
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8);
        Matcher subject = Pattern.compile("\"sub\"\\s*:\\s*\"staff:(\\d+)\"")
                .matcher(payload);
        return subject.find() ? Long.valueOf(subject.group(1)) : null;
    }

    /** Whether screens mask personal data, for sharing them (a per-session switch in the header). */
    public boolean hidingPersonalData() {
        return hidingPersonalData;
    }

    public void hidePersonalData(boolean hide) {
        hidingPersonalData = hide;
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    /** Runs a backend call; failures arrive as {@link BackendException} with the backend's problem. */
    public <T> T call(BackendCall<T> call) {
        try {
            return call.apply(client);
        } catch (ApiException first) {
            if (first.getCode() == 401 && refreshToken != null && renew()) {
                try {
                    return call.apply(client);
                } catch (ApiException second) {
                    throw failure(second);
                }
            }
            throw failure(first);
        }
    }

    private boolean renew() {
        String spent = refreshToken;
        accessToken = null;
        refreshToken = null;
        try {
            remember(new AuthApi(client).refreshToken(new RefreshRequest().refreshToken(spent)));
            return true;
        } catch (ApiException refused) {
            return false;
        }
    }

    private BackendException failure(ApiException e) {
        if (e.getCode() == 401) {
            signOut();
        }
        return new BackendException(Problem.from(e));
    }

    private void remember(TokenResponse tokens) {
        accessToken = tokens.getAccessToken();
        refreshToken = tokens.getRefreshToken();
        role = tokens.getRole() == null ? null : tokens.getRole().getValue();
    }
}
