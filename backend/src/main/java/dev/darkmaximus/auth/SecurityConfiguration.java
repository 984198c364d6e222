package dev.darkmaximus.auth;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import dev.darkmaximus.auth.apikey.ApiKeyAuthenticationFilter;
import dev.darkmaximus.auth.apikey.ApiKeyService;
import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;
import dev.darkmaximus.platform.ratelimit.RateLimitGate;

/**
 * Stateless security. Every /api path is named here with the roles it needs; anything unnamed under /api is denied,
 * so a new endpoint is closed until someone decides who may call it. Integrator endpoints have a chain of their
 * own that knows only API keys: a staff or customer token there is no credential at all (401).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String INTEGRATIONS = "/api/v1/integrations/**";

    /** The metrics scrape: only the operator's Prometheus, with its token (docs/ops/monitoring.md). */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ProblemWriter problems,
                                @Value("${dm.metrics.scrape-token:}") String scrapeToken) throws Exception {
        statelessApi(http, problems, "Send the scrape token (DM_METRICS_TOKEN) as a bearer token.")
                .securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ScrapeTokenFilter.ROLE));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain integrations(HttpSecurity http, ProblemWriter problems, ApiKeyService keys,
                                     RateLimitGate rateLimits) throws Exception {
        statelessApi(http, problems, "Send a valid X-Api-Key header.")
                .securityMatcher(INTEGRATIONS)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, rateLimits, problems),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.INTEGRATOR.name()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, AuthProperties properties, ApiKeyService keys,
                            RateLimitGate rateLimits, AccountAccess access) throws Exception {
        statelessApi(http, problems, "Sign in first: send a valid bearer token.")
                .cors(cors -> cors.configurationSource(corsSource(properties)))
                .headers(headers -> headers
                        // Telegram Web shows the Mini App in an iframe, so framing is limited by CSP, not denied.
                        .frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org")))
                // The public catalog also takes an integrator's key (scope-free: it is public anyway).
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, rateLimits, problems),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new AccountStillAllowedFilter(access, problems),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/**").permitAll()
                        .requestMatchers("/api/v1/me/**", "/api/v1/me", "/api/v1/quotes", "/api/v1/orders",
                                "/api/v1/orders/**").hasRole(Role.CUSTOMER.name())
                        .requestMatchers("/api/v1/admin/**").hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
                        .requestMatchers("/api/**").denyAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                unauthorized("Sign in first: send a valid bearer token.")))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, forbidden())));
        return http.build();
    }

    /** What both chains share: no sessions, no cookies, no forms; refusals as problem+json. */
    private static HttpSecurity statelessApi(HttpSecurity http, ProblemWriter problems, String signInHint)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                unauthorized(signInHint)))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, forbidden())))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
    }

    private static ProblemDetail unauthorized(String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    private static ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this action.");
    }

    /**
     * No observation (a timer and a long-task timer) around each of the ~20 security filters of every request:
     * measured with `make bench`, that wrapping cost more CPU than the endpoints behind it (liveness at 0.07× a bare
     * endpoint's throughput). Requests are still
     * timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenService.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static UrlBasedCorsConfigurationSource corsSource(AuthProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.miniappOrigin().isBlank()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(List.of(properties.miniappOrigin()));
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "Idempotency-Key"));
            cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
