package dev.darkmaximus.testsupport;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A fresh OPERATOR account, signed in: for tests of what operators may and may not do. */
public final class Operators {

    public static final String PASSWORD = "operator-password";

    private Operators() {
    }

    public record Operator(long id, String login, String token) {
    }

    public static Operator signedIn(Api api, JdbcClient jdbc, PasswordEncoder passwords, String loginPrefix) {
        String login = loginPrefix + System.nanoTime();
        long id = jdbc.sql("INSERT INTO staff (username, password_hash, role) VALUES (:login, :hash, 'OPERATOR') "
                + "RETURNING id").param("login", login).param("hash", passwords.encode(PASSWORD))
                .query(Long.class).single();
        String token = api.post("/api/v1/auth/admin/login", Map.of("username", login, "password", PASSWORD), null)
                .expect(200).json().get("accessToken").asString();
        return new Operator(id, login, token);
    }
}
