package dev.darkmaximus.auth;

/** An account to create; the password arrives in clear and is only ever stored hashed. */
public record NewStaff(String username, String password, Role role, Long telegramId) {

    @Override
    public String toString() {
        return "NewStaff[username=" + username + ", role=" + role + "]";
    }
}
