package dev.darkmaximus.catalog;

import java.util.List;

import dev.darkmaximus.catalog.persistence.Host;
import dev.darkmaximus.panel.PanelCertificates;
import dev.darkmaximus.platform.error.InvalidInputException;

/** What a host's settings must satisfy before its panel is even asked: by panel type, secrets, certificate. */
final class HostChecks {

    private HostChecks() {
    }

    /**
     * 3x-ui signs in with a user and password and sells on inbounds; Remnawave takes an API token and puts users in
     * squads. A stored secret counts on update.
     */
    static void requireWhatThePanelNeeds(HostCommand c, Host stored) {
        if (c.panelType().xui()) {
            if (isBlank(c.username())) {
                throw InvalidInputException.field("username", "required", "is required for a 3x-ui host");
            }
            if (isBlank(c.password()) && (stored == null || stored.passwordEnc() == null)) {
                throw InvalidInputException.field("password", "required", "is required for a new host");
            }
            if (c.inboundIds() == null || c.inboundIds().isEmpty()) {
                throw InvalidInputException.field("inboundIds", "required", "name at least one inbound to sell on");
            }
            return;
        }
        if (isBlank(c.apiToken()) && (stored == null || stored.apiTokenEnc() == null)) {
            throw InvalidInputException.field("apiToken", "required", "is required for a Remnawave host");
        }
        List<String> squads = c.squads() != null ? c.squads() : stored == null ? List.of()
                : Squads.parse(stored.squads());
        if (squads.isEmpty()) {
            throw InvalidInputException.field("squads", "required",
                    "choose at least one squad: users in no squad reach no server");
        }
    }

    /**
     * Stored secrets are write-only: saving a host checks its panel with them, so a new address would receive the
     * stored password or token without anyone having typed it. A changed address needs them typed again.
     */
    static void requireSecretsRetypedForANewAddress(HostCommand c, Host stored) {
        if (PanelAddress.same(c.baseUrl(), stored.baseUrl())) {
            return;
        }
        if (c.panelType().xui() && isBlank(c.password()) && stored.passwordEnc() != null) {
            throw InvalidInputException.field("password", "required",
                    "enter the password again: the panel's address changed");
        }
        if (isBlank(c.apiToken()) && stored.apiTokenEnc() != null) {
            throw InvalidInputException.field("apiToken", "required",
                    "enter the API token again: the panel's address changed");
        }
    }

    /**
     * A CA certificate only means something for a verified https panel, and must be one the backend can read; a new
     * one must be valid now (the stored one, sent back unchanged, may have expired since without blocking the save).
     */
    static void requireUsableCertificate(HostCommand c, String stored) {
        if (isBlank(c.caCertificate())) {
            return;
        }
        if (!c.baseUrl().strip().regionMatches(true, 0, "https://", 0, 8)) {
            throw InvalidInputException.field("caCertificate", "needs_https", "is used only with an https baseUrl");
        }
        if (!c.tlsVerify()) {
            throw InvalidInputException.field("caCertificate", "needs_tls_verify",
                    "is used only when tlsVerify is on (it replaces switching verification off)");
        }
        try {
            if (c.caCertificate().strip().equals(stored)) {
                PanelCertificates.parse(c.caCertificate());
            } else {
                PanelCertificates.requireValid(c.caCertificate());
            }
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("caCertificate", "invalid_certificate", e.getMessage());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
