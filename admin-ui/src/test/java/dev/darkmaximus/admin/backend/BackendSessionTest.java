package dev.darkmaximus.admin.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.admin.AdminProperties;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.HostResponse;

/** The backend's auth answers, stubbed from the contract: sign-in, a 401 on an expired token, renewal. */
class BackendSessionTest {

    private static final String PROBLEM_401 = """
            {"type":"https://darkmaximus.dev/problems/unauthorized","title":"Unauthorized","status":401,
             "code":"unauthorized","detail":"Sign in first: send a valid bearer token."}""";

    private final WireMockServer backend = new WireMockServer(options().dynamicPort());
    private BackendSession session;

    @BeforeEach
    void start() {
        backend.start();
        session = new BackendSession(new AdminProperties("http://127.0.0.1:" + backend.port(), Duration.ofSeconds(5)));
        backend.stubFor(post(urlEqualTo("/api/v1/auth/admin/login")).willReturn(okJson(tokens("access-1", "refresh-1"))));
    }

    @AfterEach
    void stop() {
        backend.stop();
    }

    private static String tokens(String access, String refresh) {
        return """
                {"accessToken":"%s","tokenType":"Bearer","expiresIn":900,"role":"admin",
                 "refreshToken":"%s","refreshExpiresIn":604800}""".formatted(access, refresh);
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnceAndTheCallRetried() {
        backend.stubFor(get(urlEqualTo("/api/v1/admin/hosts")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody(PROBLEM_401)));
        backend.stubFor(post(urlEqualTo("/api/v1/auth/refresh")).withRequestBody(equalToJson("{\"refreshToken\":\"refresh-1\"}"))
                .willReturn(okJson(tokens("access-2", "refresh-2"))));
        backend.stubFor(get(urlEqualTo("/api/v1/admin/hosts")).withHeader("Authorization", equalTo("Bearer access-2"))
                .willReturn(okJson("[]")));

        session.signIn("admin", "secret", "203.0.113.7");

        List<HostResponse> hosts =
                session.call(c -> new AdminHostsApi(c).listHosts());
        assertThat(hosts).isEmpty();
        assertThat(session.isAdmin()).isTrue();
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/auth/admin/login"))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.7")));
        backend.verify(getRequestedFor(urlEqualTo("/api/v1/admin/hosts"))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.7")));
    }

    @Test
    void aRefusedRenewalEndsTheSession() {
        backend.stubFor(get(urlEqualTo("/api/v1/admin/hosts")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody(PROBLEM_401)));
        backend.stubFor(post(urlEqualTo("/api/v1/auth/refresh")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody(PROBLEM_401)));
        session.signIn("admin", "secret", "203.0.113.7");

        assertThatThrownBy(() -> session.call(c -> new AdminHostsApi(c).listHosts()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.sessionEnded()).isTrue());
        assertThat(session.signedIn()).isFalse();
    }

    @Test
    void anUnreachableBackendIsAClearProblem() {
        backend.stop();

        assertThatThrownBy(() -> session.signIn("admin", "secret", null))
                .isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("backend_unreachable"));
    }
}
