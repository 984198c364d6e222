package dev.darkmaximus.platform.error;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that passed the shape checks but is wrong against our data (an unknown host id, a name already taken):
 * answered like a validation error, naming the field, so forms can show it in place.
 */
public class InvalidInputException extends ApiException {

    private final List<FieldError> errors;

    public InvalidInputException(HttpStatus status, String code, String detail, List<FieldError> errors) {
        super(status, code, detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException field(String field, String code, String message) {
        return new InvalidInputException(HttpStatus.BAD_REQUEST, "validation_failed",
                "The request has invalid fields; see errors.", List.of(new FieldError(field, code, message)));
    }

    public static InvalidInputException conflict(String code, String field, String message) {
        return new InvalidInputException(HttpStatus.CONFLICT, code, message,
                List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
