package dev.darkmaximus.platform.settings;

/** A value a setting can't take; the message is written for the admin and names the rule, never the value. */
class InvalidSettingException extends RuntimeException {

    private final String code;

    InvalidSettingException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
