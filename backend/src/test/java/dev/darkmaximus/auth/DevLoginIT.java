package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;

/** The dev profile's sign-in-as-anyone is for this machine only, and never next to a real bot or database. */
class DevLoginIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theDevLoginAnswersOnlyConnectionsToALoopbackAddress() throws Exception {
        new Api(port).post("/api/v1/auth/dev", Map.of("telegramId", 4242), null).expect(200);

        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeThat(lan).as("this machine has a non-loopback address").isPresent();
        Api fromNetwork = new Api(port, "10.9.8.7", "http://" + lan.get().getHostAddress() + ":" + port);

        fromNetwork.post("/api/v1/auth/dev", Map.of("telegramId", 4242), null).problem(404, "not_found");
    }

    @Test
    void theDevLoginRefusesWhatATunnelOrProxyOnThisMachineForwards() throws Exception {
        for (Map.Entry<String, String> forwarded : Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "shop.example.net", "Forwarded", "for=203.0.113.5;proto=https", "CF-Connecting-IP", "203.0.113.5",
                "X-Real-IP", "203.0.113.5").entrySet()) {
            new Api(port).post("/api/v1/auth/dev", Map.of("telegramId", 4243), null, Map.of(forwarded.getKey(),
                    forwarded.getValue())).problem(404, "not_found");
        }
        // A tunnel that keeps the public host name (ngrok's and cloudflared's default) and adds nothing else.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] body = "{\"telegramId\":4243}".getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /api/v1/auth/dev HTTP/1.1\r\nHost: abc123.ngrok-free.app\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assertions.assertThat(answer).startsWith("HTTP/1.1 404");
        }
        new Api(port).post("/api/v1/auth/dev", Map.of("telegramId", 4243), null).expect(200);
    }

    @Test
    void theDevProfileRefusesToStartWithARealBotOrDatabase() {
        String telegram = "https://api.telegram.org";
        assertThatThrownBy(() -> new DevProfileGuard("123:real-token", telegram, ""))
                .hasMessageContaining("TELEGRAM_BOT_TOKEN");
        assertThatThrownBy(() -> new DevProfileGuard("", telegram, "jdbc:postgresql://db:5432/shop"))
                .hasMessageContaining("DATABASE_URL");
        new DevProfileGuard("", telegram, ""); // a laptop: fine
        new DevProfileGuard("1:stand-in", "http://127.0.0.1:9999", ""); // a test's stand-in Telegram: fine
    }
}
