package dev.darkmaximus.auth;

/** A started TOTP enrolment: the secret to type in, or the URI to show as a QR code. Shown once. */
public record TotpEnrolment(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "TotpEnrolment[]";
    }
}
