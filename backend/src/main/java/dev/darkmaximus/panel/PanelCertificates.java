package dev.darkmaximus.panel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A host's own CA: the PEM certificate(s) an operator pastes for a panel whose certificate no public CA signed (a
 * private CA, or the panel's self-signed certificate itself). Such a host trusts only these, and host names are still
 * checked, unlike switching verification off.
 */
public final class PanelCertificates {

    /** At most this many certificates in one field: a CA and a few intermediates, not a trust store. */
    static final int MAX_CERTIFICATES = 10;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private PanelCertificates() {
    }

    /**
     * The certificates of a PEM text, checked as they are saved: also refused when one is expired or not yet valid.
     * Throws {@link IllegalArgumentException} with a reason an operator can act on.
     */
    public static List<X509Certificate> requireValid(String pem) {
        List<X509Certificate> certificates = parse(pem);
        for (X509Certificate certificate : certificates) {
            try {
                certificate.checkValidity();
            } catch (CertificateException e) {
                throw new IllegalArgumentException("the certificate for " + certificate.getSubjectX500Principal()
                        .getName() + " is expired or not yet valid");
            }
        }
        return certificates;
    }

    /**
     * The certificates of a PEM text. Throws {@link IllegalArgumentException} with a reason an operator can act on
     * when the text holds no certificate or something else.
     */
    public static List<X509Certificate> parse(String pem) {
        String text = pem == null ? "" : pem.strip();
        Matcher blocks = BLOCK.matcher(text);
        List<X509Certificate> certificates = new ArrayList<>();
        int end = 0;
        while (blocks.find()) {
            if (!text.substring(end, blocks.start()).isBlank()) {
                throw new IllegalArgumentException("must hold only PEM certificates (-----BEGIN CERTIFICATE-----)");
            }
            certificates.add(decode(blocks.group(0)));
            end = blocks.end();
        }
        if (certificates.isEmpty() || !text.substring(end).isBlank()) {
            throw new IllegalArgumentException("must hold only PEM certificates (-----BEGIN CERTIFICATE-----)");
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            throw new IllegalArgumentException("at most " + MAX_CERTIFICATES + " certificates");
        }
        return certificates;
    }

    /**
     * TLS that trusts only the given PEM certificates as anchors (JSSE's PKIX checks and host name check stay on).
     * An anchor that has expired since it was saved is still used: the panel's own certificate chain is what JSSE
     * judges, and the connection check says when that fails.
     */
    public static SSLContext trustingOnly(String pem) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate certificate : parse(pem)) {
                anchors.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    private static X509Certificate decode(String block) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("is not a readable X.509 certificate");
        }
    }
}
