package dev.darkmaximus.billing;

/** Which methods can take money right now (configured and switched on), answered by the payment feature. */
public interface PaymentMethods {

    boolean available(PaymentMethod method);
}
