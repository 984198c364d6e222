package dev.darkmaximus.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import dev.darkmaximus.platform.ratelimit.RateLimitedException;
import dev.darkmaximus.platform.web.RequestBodyLimits;

/**
 * The one place exceptions become HTTP answers: always problem+json with a stable code, never a stack trace, SQL or
 * exception text the client didn't cause.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e, HttpServletResponse response) {
        if (e instanceof RateLimitedException limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(limited.retryAfterSeconds()));
        }
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(
                new FieldError(f.getField(), codeOf(f.getCode()), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                new FieldError(g.getObjectName(), codeOf(g.getCode()), g.getDefaultMessage())));
        return Problems.invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(),
                        codeOf(error.getCodes() == null || error.getCodes().length == 0 ? null
                                : lastSegment(error.getCodes()[error.getCodes().length - 1])),
                        error.getDefaultMessage()))));
        return Problems.invalid(errors);
    }

    /** Parameters checked by a {@code @Validated} controller's proxy rather than by Spring MVC itself. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidArguments(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            errors.add(new FieldError(field, codeOf(v.getConstraintDescriptor().getAnnotation().annotationType()
                    .getSimpleName()), v.getMessage()));
        });
        return Problems.invalid(errors);
    }

    /** A body read by a handler itself (the webhooks) that passed the cap. */
    @ExceptionHandler(RequestBodyLimits.BodyTooLarge.class)
    ProblemDetail bodyTooLarge(RequestBodyLimits.BodyTooLarge e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "The request body is larger than this endpoint accepts.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimits.BodyTooLarge) {
                return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                        "The request body is larger than this endpoint accepts.");
            }
        }
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problems.invalid(List.of(new FieldError(field, "invalid_value",
                    "has a value of the wrong type or format")));
        }
        String detail = e.getCause() instanceof JacksonException
                ? "The request body is not valid JSON." : "The request body is missing or unreadable.";
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed_request", detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(List.of(new FieldError(e.getName(), "invalid_value",
                "has a value of the wrong type or format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.invalid(List.of(new FieldError(e.getParameterName(), "required", "is required")));
    }

    /** A required header left out (an integrator's {@code Idempotency-Key}): the header is the field. */
    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return Problems.invalid(List.of(new FieldError(e.getHeaderName(), "required", "this header is required")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not_found", "No such resource.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "Method " + e.getMethod() + " is not allowed here.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the body as application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.of(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This resource answers application/json.");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this action.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent_modification",
                "Someone changed this object at the same time; reload and try again.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.atWarn().addKeyValue("error", e.getMostSpecificCause().getClass().getSimpleName())
                .log("request refused by a database constraint");
        return Problems.of(HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data.");
    }

    /**
     * The database can't be reached (down, restarting, pool exhausted): a prompt 503 the client may retry, not a
     * 500 after the pool's full wait.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class,
            DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class})
    ProblemDetail databaseUnavailable(Exception e, HttpServletResponse response) {
        log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("database unavailable");
        response.setHeader(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
        return databaseUnavailable();
    }

    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    static ProblemDetail databaseUnavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                "The service is briefly unavailable; try again in a few seconds.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unhandled error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; quote the requestId to support.");
    }

    private static String codeOf(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Min", "Positive", "PositiveOrZero", "DecimalMin" -> "too_small";
            case "Max", "DecimalMax" -> "too_large";
            case "Pattern", "Email", "URL" -> "format";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        };
    }

    private static String lastSegment(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? code : code.substring(dot + 1);
    }
}
