package dev.darkmaximus.platform.error;

/** One invalid input field in a 400 problem: JSON path of the field, a stable code and a human message. */
public record FieldError(String field, String code, String message) {
}
