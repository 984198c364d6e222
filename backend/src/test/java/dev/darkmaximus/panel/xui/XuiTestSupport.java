package dev.darkmaximus.panel.xui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelProperties;

/** Adapters wired by hand (no Spring context) with short timeouts, for WireMock tests. */
final class XuiTestSupport {

    static final PanelProperties PROPERTIES = new PanelProperties(Duration.ofSeconds(1), Duration.ofMillis(800), 3,
            Duration.ofMillis(10), 3, Duration.ofSeconds(30));
    static final String OK_NULL = "{\"success\":true,\"msg\":\"\",\"obj\":null}";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CircuitBreakers breakers = new CircuitBreakers(PROPERTIES, Clock.systemUTC());
    final XuiHttp http = new XuiHttp(PROPERTIES, breakers, meters, JsonMapper.builder().build());
    final XuiSessions sessions = new XuiSessions(http);
    final XuiV2Panel v2 = new XuiV2Panel(http, sessions);
    final XuiV3Panel v3 = new XuiV3Panel(http, sessions);

    static PanelConnection panel(String baseUrl, String apiToken, boolean tlsVerify) {
        return new PanelConnection(7, apiToken == null ? "XUI_V2" : "XUI_V3", baseUrl, "/secret", "admin", "pw",
                apiToken, List.of(1), tlsVerify);
    }

    static ClientSpec spec(String email) {
        return new ClientSpec(email, UUID.fromString("0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10"), "k7p2x9q4m1n8b3v6",
                java.time.Instant.ofEpochMilli(1_767_225_600_000L), 53_687_091_200L, 3, true, 123456789L, "tg 123456789");
    }

    static String traffic(String email) {
        return """
                {"success":true,"msg":"","obj":{"id":11,"inboundId":1,"enable":true,"email":"%s",
                 "uuid":"0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10","subId":"k7p2x9q4m1n8b3v6","up":1024,"down":4096,
                 "allTime":5120,"expiryTime":1767225600000,"total":53687091200,"reset":0,"lastOnline":1764000000000}}"""
                .formatted(email);
    }
}
