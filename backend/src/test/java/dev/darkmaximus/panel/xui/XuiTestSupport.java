package dev.darkmaximus.panel.xui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelProperties;
import dev.darkmaximus.panel.PanelTransport;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;

/** The 3x-ui adapter wired by hand (no Spring context) with short timeouts, for tests against fake panels. */
final class XuiTestSupport {

    static final PanelProperties PROPERTIES = new PanelProperties(Duration.ofSeconds(1), Duration.ofMillis(800), 3,
            Duration.ofMillis(10), 3, Duration.ofSeconds(30));
    static final UUID CLIENT_UUID = UUID.fromString("0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CircuitBreakers breakers = new CircuitBreakers(PROPERTIES, Clock.systemUTC());
    final XuiHttp http = new XuiHttp(new PanelTransport(PROPERTIES, breakers, meters), JsonMapper.builder().build());
    final XuiAuth auth = new XuiAuth(http, Clock.systemUTC());
    final XuiCalls calls = new XuiCalls(http, auth);
    final XuiVersions versions = new XuiVersions(calls);
    final XuiPanel xui = new XuiPanel(calls, versions, breakers);

    /** The fake panel as a host: cookie sign-in, or the API token when one is given. */
    static PanelConnection panel(FakeXuiPanel fake, String apiToken) {
        return new PanelConnection(7, fake.release().generation3() ? "XUI_V3" : "XUI_V2", fake.baseUrl(),
                FakeXuiPanel.ROOT, FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, apiToken, List.of(1), true, null, null);
    }

    static PanelConnection panel(String baseUrl, boolean tlsVerify) {
        return new PanelConnection(7, "XUI_V2", baseUrl, "/secret", "admin", "pw", null, List.of(1), tlsVerify, null,
                "2.9.4");
    }

    static ClientSpec spec(String email) {
        return new ClientSpec(email, CLIENT_UUID, "k7p2x9q4m1n8b3v6", Instant.ofEpochMilli(1_767_225_600_000L),
                53_687_091_200L, 3, true, 123456789L, "tg 123456789");
    }
}
