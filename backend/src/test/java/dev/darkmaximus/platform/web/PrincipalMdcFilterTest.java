package dev.darkmaximus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class PrincipalMdcFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCallerIsInTheMdcForTheRequestOnly() throws Exception {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("customer:17")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        AtomicReference<String> seen = new AtomicReference<>();

        new PrincipalMdcFilter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen.set(MDC.get(PrincipalMdcFilter.MDC_KEY)));

        assertThat(seen.get()).isEqualTo("customer:17");
        assertThat(MDC.get(PrincipalMdcFilter.MDC_KEY)).isNull();
    }

    @Test
    void integratorsAreNamedByTheirKeyAndAnonymousCallersNotAtAll() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("apikey:5", null, "ROLE_INTEGRATOR"));

        new PrincipalMdcFilter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen.set(MDC.get(PrincipalMdcFilter.MDC_KEY)));
        assertThat(seen.get()).isEqualTo("apikey:5");

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        new PrincipalMdcFilter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen.set(MDC.get(PrincipalMdcFilter.MDC_KEY)));
        assertThat(seen.get()).isNull();
    }
}
