package dev.darkmaximus.billing;

/** What happens to the key bought with refunded money. */
public enum RefundKeyAction {
    NONE, SHORTEN, REVOKE
}
