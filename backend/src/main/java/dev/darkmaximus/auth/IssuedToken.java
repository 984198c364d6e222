package dev.darkmaximus.auth;

/** Tokens handed to a client: a short-lived access token and the refresh token that renews it. */
public record IssuedToken(String accessToken, long expiresInSeconds, Role role, String refreshToken,
                          long refreshExpiresInSeconds) {

    @Override
    public String toString() {
        return "IssuedToken[role=" + role + "]";
    }
}
