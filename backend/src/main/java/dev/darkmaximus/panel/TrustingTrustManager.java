package dev.darkmaximus.panel;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any certificate and host name. Used only for hosts whose operator switched TLS verification off
 * (self-signed panels); an extended trust manager is needed because JSSE does host-name checks inside it.
 */
final class TrustingTrustManager extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // accept: verification switched off for this host by its operator
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // accept: verification switched off for this host by its operator
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // accept: verification switched off for this host by its operator
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // accept: verification switched off for this host by its operator
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // accept: verification switched off for this host by its operator
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // accept: verification switched off for this host by its operator
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
