package dev.darkmaximus.platform.error;

import java.net.URI;
import java.util.List;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import dev.darkmaximus.platform.web.RequestIdFilter;

/** Builds RFC 9457 problems in the one shape every surface uses: type from the code, plus code and requestId. */
public final class Problems {

    public static final String TYPE_BASE = "https://darkmaximus.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation_failed",
                "The request has invalid fields; see errors.");
        problem.setProperty("errors", errors);
        return problem;
    }
}
