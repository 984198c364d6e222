package dev.darkmaximus.auth;

/** An access token handed to a client. */
public record IssuedToken(String accessToken, long expiresInSeconds, Role role) {
}
