package dev.darkmaximus.billing;

/** How a customer pays; each external method is a provider behind the payment port. */
public enum PaymentMethod {
    YOOKASSA, STARS, BALANCE, CRYPTOBOT
}
