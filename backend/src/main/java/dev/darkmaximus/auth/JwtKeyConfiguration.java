package dev.darkmaximus.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import dev.darkmaximus.platform.DataDirectory;

/**
 * The RS256 key pair: from DM_JWT_PRIVATE_KEY in production (every replica shares it), else generated once into the
 * data directory so tokens survive a restart of the embedded default.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeyConfiguration {

    @Bean
    RSAKey jwtSigningKey(AuthProperties properties, DataDirectory dataDirectory) throws GeneralSecurityException {
        String pem = properties.jwtPrivateKey().isBlank()
                ? dataDirectory.readOrCreateSecret("jwt-signing-key.pem", JwtKeyConfiguration::newPrivateKeyPem)
                : properties.jwtPrivateKey();
        RSAPrivateCrtKey privateKey = parsePrivateKey(pem);
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID("dm-1").build();
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey key) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey key, Clock clock) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(TokenService.ISSUER)));
        return new VerifiedTokens(decoder, clock);
    }

    private static RSAPrivateCrtKey parsePrivateKey(String pem) throws GeneralSecurityException {
        // .env files often carry the PEM on one line with literal "\n" separators.
        String body = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        if (body.isEmpty() || pem.contains("RSA PRIVATE KEY")) {
            throw new IllegalStateException(
                    "DM_JWT_PRIVATE_KEY must be a PKCS#8 PEM RSA key (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)");
        }
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String newPrivateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }
}
