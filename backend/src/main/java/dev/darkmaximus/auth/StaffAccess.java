package dev.darkmaximus.auth;

/** What an admin may change about an account: its role, whether it may sign in, its linked Telegram account. */
public record StaffAccess(Role role, boolean active, Long telegramId) {
}
