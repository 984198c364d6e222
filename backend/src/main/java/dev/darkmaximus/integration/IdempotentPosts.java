package dev.darkmaximus.integration;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.integration.persistence.IdempotencyStore;
import dev.darkmaximus.platform.crypto.Digests;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;
import dev.darkmaximus.platform.web.Caller;

/**
 * Every integrator POST that changes something runs once per {@code Idempotency-Key} (SPEC §15): the first request
 * claims the key, a successful answer is kept for 24 h and a replay gets it again, same status and body (with
 * {@code Idempotent-Replayed: true}); a replay while the first still runs waits for it; the same key with another
 * request is 409 {@code idempotency_key_reused}. An error answer is not kept: the services roll back on errors, so
 * nothing happened and a retry with the same key runs again. Runs after authentication (the key is the
 * integrator's own namespace) and before the controllers.
 */
@Component
@Order(0)
class IdempotentPosts extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final String PREFIX = "/api/v1/integrations/";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,78}");
    private static final Duration KEPT = IntegrationRetention.ANSWERS_KEPT;
    /** Longer than any request may run: an unfinished claim this old belongs to a node that died mid-request. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);
    private static final int MAX_KEPT_BODY = 256 * 1024;

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration maxWait;
    private final SecretCipher cipher;

    IdempotentPosts(IdempotencyStore store, ProblemWriter problems, JsonMapper json, Clock clock,
                    @Value("${dm.integrations.idempotency-wait:30s}") Duration maxWait, SecretCipher cipher) {
        this.cipher = cipher;
        this.store = store;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // A quote changes nothing: the key is optional there, and the request simply runs.
        return !"POST".equals(request.getMethod()) || !path.startsWith(PREFIX) || path.endsWith("/quotes")
                || Caller.apiKeyId(SecurityContextHolder.getContext().getAuthentication()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long apiKeyId = Caller.apiKeyId(SecurityContextHolder.getContext().getAuthentication());
        String key = request.getHeader(HEADER);
        if (key == null || !KEY.matcher(key).matches()) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "idempotency_key_required",
                    "Every integrator POST needs an Idempotency-Key header: 1 to 78 of A-Z a-z 0-9 _ . : -, "
                            + "fresh per operation."));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        Instant deadline = clock.instant().plus(maxWait);
        Duration pause = Duration.ofMillis(20);
        while (true) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: the claim's id
            if (store.claim(apiKeyId, key, hash, now, now.minus(KEPT))) {
                runOnce(new Replayable(request, body), response, chain, apiKeyId, key, now);
                return;
            }
            Optional<IdempotencyStore.Stored> held = store.find(apiKeyId, key);
            if (held.isEmpty()) {
                continue; // the first request failed and let the key go in between: claim it again
            }
            if (!held.get().hash().equals(hash)) {
                problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency_key_reused",
                        "This Idempotency-Key was used for a different request in the last 24 hours; use a fresh "
                                + "key per operation."));
                return;
            }
            if (held.get().done()) {
                replay(held.get(), response);
                return;
            }
            if (held.get().claimedAt().isBefore(clock.instant().minus(ABANDONED))) {
                // Its node died mid-request: whether it did its work is unknown, so it is never run a second time.
                problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency_outcome_unknown",
                        "The first request with this Idempotency-Key never finished; read the object to see whether "
                                + "it happened, and use a fresh key to try again."));
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency_key_in_progress",
                        "A request with this Idempotency-Key is still running; retry it in a few seconds."));
                return;
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250)
                    : pause.multipliedBy(2);
        }
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long apiKeyId,
                         String key, Instant claimedAt) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean succeeded = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            succeeded = status >= 200 && status < 300;
            if (succeeded) {
                byte[] answer = captured.getContentAsByteArray();
                // Answers carry VPN links: kept encrypted. One too large to keep still holds the key (as unknown).
                store.complete(apiKeyId, key, claimedAt, clock.instant(), status, captured.getContentType(),
                        answer.length <= MAX_KEPT_BODY ? cipher.encrypt(new String(answer, StandardCharsets.UTF_8))
                                : null);
            }
        } finally {
            // The work is done once a 2xx was produced: the key is never let go then, even if keeping the answer
            // failed (a retry finds the claim and is told the outcome is unknown rather than running twice).
            if (!succeeded) {
                store.release(apiKeyId, key, claimedAt);
            }
            captured.copyBodyToResponse();
        }
    }

    private void replay(IdempotencyStore.Stored stored, HttpServletResponse response) throws IOException {
        if (stored.body() == null && stored.status() != 204) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency_outcome_unknown",
                    "The first request with this Idempotency-Key succeeded but its answer was not kept; read the "
                            + "object for its state."));
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] bytes = stored.body() == null ? new byte[0]
                : cipher.decrypt(stored.body()).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Of the method, the routed path and the body; a JSON body with its object keys sorted, so a retry that
     * serialises the same request in another order is still the same request.
     */
    private String hash(HttpServletRequest request, byte[] body) {
        String canonical;
        try {
            canonical = body.length == 0 ? "" : json.writeValueAsString(sorted(json.readTree(body)));
        } catch (JacksonException notJson) {
            canonical = new String(body, StandardCharsets.ISO_8859_1);
        }
        return Digests.sha256Hex(request.getMethod() + " " + request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo()) + "\n" + canonical);
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            return fields;
        }
        if (node.isArray()) {
            return node.valueStream().map(IdempotentPosts::sorted).toList();
        }
        return node;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request", e);
        }
    }

    /** The body read once for the hash, served again to the controller. */
    private static final class Replayable extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
