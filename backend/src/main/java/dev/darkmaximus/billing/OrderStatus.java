package dev.darkmaximus.billing;

/** Where an order is: open (unpaid) → paid → fulfilled (key delivered or balance credited); or expired, canceled, refunded. */
public enum OrderStatus {
    OPEN, PAID, FULFILLED, EXPIRED, CANCELED, REFUNDED
}
