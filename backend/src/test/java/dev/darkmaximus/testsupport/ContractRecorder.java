package dev.darkmaximus.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Checks every answer the backend gives under test against the contract, on the server side, so answers to the
 * Mini App in Chromium and to any other client are checked too, not only those of our test {@link Api}. A
 * test-classpath filter, outermost, so it sees the answer the client gets (errors from the security chain included).
 * {@link IntegrationTest} fails a test whose requests met a violation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ContractRecorder extends OncePerRequestFilter {

    private static final ConcurrentLinkedQueue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } finally {
            String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
            List<String> found = Contract.committed().violations(request.getMethod(), request.getRequestURI(),
                    answer.getStatus(), answer.getContentType(), body);
            if (!found.isEmpty()) {
                VIOLATIONS.add(request.getMethod() + " " + request.getRequestURI() + " → " + answer.getStatus() + ": "
                        + String.join("; ", found));
            }
            answer.copyBodyToResponse();
        }
    }

    /**
     * Fails when an answer since the last call broke the contract (or, with {@code -Ddm.contract.report}, writes
     * them to that file), and forgets them.
     */
    public static void assertNoneSince() {
        List<String> drained = new ArrayList<>();
        for (String next = VIOLATIONS.poll(); next != null; next = VIOLATIONS.poll()) {
            drained.add(next);
        }
        String report = System.getProperty("dm.contract.report", "");
        if (!report.isBlank()) {
            try {
                for (String violation : drained) {
                    Files.writeString(Path.of(report), "[server] " + violation + System.lineSeparator(),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(drained).as("answers that break openapi/openapi.yaml").isEmpty();
    }
}
