package dev.darkmaximus.panel.xui;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.platform.crypto.Digests;

/**
 * Signs API calls for a host, on every 3x-ui version:
 * <ul>
 * <li>With an API token (v3): {@code Authorization: Bearer}. A refused token answers 404 (401 from v3.0.2 when
 * {@code X-Requested-With} is sent, {@code web/controller/api.go} checkAPIAuth); that is an error, never "not found",
 * and signing in again can't fix it.</li>
 * <li>Otherwise a cookie session ("3x-ui") from {@code POST /login}. v3 checks a CSRF token on the login and on every
 * unsafe request, fetched from {@code GET /csrf-token} and tied to the session ({@code session/csrf.go}); v2 has no
 * such route (404) and no check. An expired session shows as 401, 404 or a redirect depending on the version, so
 * those answers mean "sign in again and retry once".</li>
 * </ul>
 * A refused sign-in is not tried again for five minutes with the same credentials: v3 locks an address out after five
 * failures in five minutes ({@code login_limiter.go}), and an outbox retrying every few seconds would keep it locked.
 */
@Component
class XuiAuth {

    private static final String COOKIE = "3x-ui";
    private static final Duration REFUSED_LOGIN_PAUSE = Duration.ofMinutes(5);

    private final XuiHttp http;
    private final Clock clock;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Refusal> refusals = new ConcurrentHashMap<>();

    XuiAuth(XuiHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    private record Session(String cookie, String csrfToken) {
    }

    private record Refusal(String credentials, Instant until, String reason) {
    }

    /** Sends an authorized API call; {@code unsafe} marks a POST, which v3 cookie sessions sign with the CSRF token. */
    HttpResponse<String> send(PanelConnection panel, String operation, boolean unsafe,
                              Supplier<HttpRequest.Builder> request) {
        if (hasToken(panel)) {
            HttpResponse<String> response = http.send(panel, operation,
                    request.get().header("Authorization", "Bearer " + panel.apiToken()).build());
            if (signedOut(response)) {
                throw new PanelException(operation + ": the panel answered HTTP " + response.statusCode()
                        + " to the API token: the token is wrong or was rotated (Settings → Security → API Token), "
                        + "or this panel version has no such route", false);
            }
            return response;
        }
        Session session = sessions.get(panel.hostId());
        if (session == null) {
            session = login(panel);
        }
        HttpResponse<String> response = http.send(panel, operation, signed(request.get(), session, unsafe).build());
        if (!signedOut(response)) {
            return response;
        }
        session = login(panel);
        response = http.send(panel, operation, signed(request.get(), session, unsafe).build());
        if (signedOut(response)) {
            throw new PanelException(operation + ": the panel answered HTTP " + response.statusCode()
                    + " right after a fresh sign-in: this panel version has no such route, or the account may not "
                    + "use it", false);
        }
        return response;
    }

    /** Whether a fresh session can be had: signs in now. Used by the connection test. */
    void signIn(PanelConnection panel) {
        if (!hasToken(panel)) {
            login(panel);
        }
    }

    void forget(long hostId) {
        sessions.remove(hostId);
        refusals.remove(hostId);
    }

    private static boolean hasToken(PanelConnection panel) {
        return panel.apiToken() != null && !panel.apiToken().isBlank();
    }

    /** 401/404 (empty), a redirect to the sign-in page, or 403 from v3's CSRF check. */
    private static boolean signedOut(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 401 || status == 403 || status == 404 || status == 302 || status == 307;
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request, Session session, boolean unsafe) {
        request.header("Cookie", session.cookie());
        if (unsafe && session.csrfToken() != null) {
            request.header("X-CSRF-Token", session.csrfToken());
        }
        return request;
    }

    private Session login(PanelConnection panel) {
        sessions.remove(panel.hostId());
        String credentials = Digests.sha256Hex(panel.username() + "\u0000" + panel.password());
        Refusal refusal = refusals.get(panel.hostId());
        if (refusal != null && refusal.credentials().equals(credentials) && clock.instant().isBefore(refusal.until())) {
            throw new PanelException(refusal.reason() + " (not tried again until " + refusal.until()
                    + " so the panel doesn't lock the shop out; change the host's password to try now)", false);
        }
        Session csrf = csrfSession(panel);
        ObjectNode body = http.json().createObjectNode();
        body.put("username", panel.username());
        body.put("password", panel.password());
        HttpRequest.Builder request = http.request(panel, "/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json().writeValueAsString(body)));
        if (csrf != null) {
            request.header("Cookie", csrf.cookie()).header("X-CSRF-Token", csrf.csrfToken());
        }
        HttpResponse<String> response = http.send(panel, "login", request.build());
        XuiHttp.Envelope answer = http.read(response, "login");
        if (!answer.success()) {
            String reason = "the panel refused the sign-in: " + answer.message();
            refusals.put(panel.hostId(), new Refusal(credentials, clock.instant().plus(REFUSED_LOGIN_PAUSE), reason));
            throw new PanelException(reason, false);
        }
        refusals.remove(panel.hostId());
        String cookie = cookie(response);
        if (cookie == null && csrf != null) {
            cookie = csrf.cookie();
        }
        if (cookie == null) {
            throw new PanelException("the panel signed in without a session cookie", false);
        }
        Session session = new Session(cookie, csrf == null ? null : csrf.csrfToken());
        sessions.put(panel.hostId(), session);
        return session;
    }

    /** v3's CSRF token with the cookie that carries it, or null on v2 (no such route). */
    private Session csrfSession(PanelConnection panel) {
        HttpResponse<String> response = http.send(panel, "csrf-token", http.request(panel, "/csrf-token").GET().build());
        if (response.statusCode() != 200) {
            return null;
        }
        XuiHttp.Envelope answer = http.read(response, "csrf-token");
        String cookie = cookie(response);
        if (!answer.success() || !answer.obj().isString() || cookie == null) {
            throw new PanelException("csrf-token: the panel answered without a token and session", false);
        }
        return new Session(cookie, answer.obj().asString());
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(0, c.contains(";") ? c.indexOf(';') : c.length()))
                .filter(Objects::nonNull)
                .reduce((first, second) -> second)
                .orElse(null);
    }
}
