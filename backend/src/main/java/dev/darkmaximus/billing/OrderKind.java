package dev.darkmaximus.billing;

/** What an order buys. */
public enum OrderKind {
    NEW_KEY, EXTEND_KEY, TOP_UP
}
