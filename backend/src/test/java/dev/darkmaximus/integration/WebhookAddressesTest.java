package dev.darkmaximus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/** Webhooks go to public addresses only: loopback, private, link-local (cloud metadata) and the like are refused. */
class WebhookAddressesTest {

    private static boolean isPublic(String literal) throws UnknownHostException {
        return WebhookAddresses.isPublic(InetAddress.getByName(literal));
    }

    @Test
    void privateAndSpecialAddressesAreRefusedPublicOnesPass() throws Exception {
        for (String refused : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"}) {
            assertThat(isPublic(refused)).as(refused).isFalse();
        }
        for (String allowed : new String[] {"8.8.8.8", "185.71.76.10", "2a00:1450:4001:80b::200e"}) {
            assertThat(isPublic(allowed)).as(allowed).isTrue();
        }
        assertThat(WebhookAddresses.refusal("localhost")).isPresent();
        assertThat(WebhookAddresses.refusal("127.0.0.1")).get().asString().contains("not a public address");
    }
}
