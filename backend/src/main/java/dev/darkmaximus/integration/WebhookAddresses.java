package dev.darkmaximus.integration;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where webhooks may be sent: public addresses only, unless the operator allows their own network
 * ({@code dm.webhooks.allow-private-addresses}). Otherwise an admin's URL, or a stolen admin session, could make the
 * backend probe loopback, the cloud's metadata service (169.254.169.254) or the private network, and read the
 * answers' codes and timings in the delivery log.
 */
final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** Why the host can't be sent to (an address of it that isn't public), or empty when every address is public. */
    static Optional<String> refusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // the send itself fails and is retried; DNS may come back
        }
        return Arrays.stream(addresses).filter(a -> !isPublic(a)).findFirst()
                .map(a -> host + " resolves to " + a.getHostAddress() + ", which is not a public address");
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10, carrier-grade NAT
                && first != 0 && first < 224; // "this network", and multicast/reserved
    }
}
