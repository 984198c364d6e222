package dev.darkmaximus.messaging;

import java.util.Map;

import dev.darkmaximus.customer.CustomerView;

/**
 * A notification that needs more than a text message (a QR code, buttons): the feature that knows how implements
 * this, and the sender hands it the notification. Failures are the Telegram API's own exceptions, handled by the
 * sender as for any message (blocked, retry later, refused).
 */
public interface NotificationDelivery {

    boolean handles(String templateKey);

    /** Renders the template in the customer's language, with what it knows at sending time, and sends it. */
    void deliver(CustomerView customer, String templateKey, Map<String, String> params);
}
