package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.TotpEnrolment;

public record TotpEnrolmentResponse(
        @Schema(description = "Base32 secret to type into the authenticator app; shown only now.",
                example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") String secret,
        @Schema(description = "The same secret as a provisioning URI, to show as a QR code.",
                example = "otpauth://totp/DarkMaximus:olga.support?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=DarkMaximus")
        String otpauthUri) {

    static TotpEnrolmentResponse from(TotpEnrolment e) {
        return new TotpEnrolmentResponse(e.secret(), e.otpauthUri());
    }

    @Override
    public String toString() {
        return "TotpEnrolmentResponse[]";
    }
}
