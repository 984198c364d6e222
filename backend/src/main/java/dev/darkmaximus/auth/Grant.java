package dev.darkmaximus.auth;

/** What a token grants: whose it is ("staff:3", "customer:17"), a display name and the role. */
record Grant(String subject, String name, Role role) {
}
