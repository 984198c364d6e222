package dev.darkmaximus.panel.xui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelInfo;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;
import dev.darkmaximus.testsupport.xui.XuiRelease;

/**
 * The key lifecycle on every supported 3x-ui release, signed in with the panel's password and, on v3, with an API
 * token: create (and adopt on a retry), read, update expiry/limits/enable, usage, link, revoke, sync.
 */
class XuiLifecycleTest {

    private static final String EMAIL = "tg123456789-k42";
    private final List<FakeXuiPanel> panels = new ArrayList<>();

    static Stream<Arguments> releases() {
        List<Arguments> cases = new ArrayList<>();
        for (XuiRelease release : XuiRelease.all()) {
            cases.add(Arguments.of(release, false));
            if (release.generation3()) {
                cases.add(Arguments.of(release, true));
            }
        }
        return cases.stream();
    }

    @AfterEach
    void stop() {
        panels.forEach(FakeXuiPanel::stop);
    }

    private FakeXuiPanel fake(XuiRelease release) {
        FakeXuiPanel fake = new FakeXuiPanel(release).start();
        panels.add(fake);
        return fake;
    }

    @ParameterizedTest(name = "{0}, API token: {1}")
    @MethodSource("releases")
    void aKeyLivesAndDiesOnThePanel(XuiRelease release, boolean token) {
        FakeXuiPanel fake = fake(release);
        if (token) {
            fake.apiToken("v3-api-token");
        }
        XuiTestSupport wiring = new XuiTestSupport();
        PanelConnection panel = XuiTestSupport.panel(fake, token ? "v3-api-token" : null);

        PanelInfo info = wiring.xui.describe(panel);
        // v3.0.1/v3.0.2 show their version only on pages an API token can't open: the generation is all that's known
        assertThat(info.version()).isEqualTo(token && release == XuiRelease.V3_0_2 ? "3.0" : release.version());
        assertThat(info.problems()).isEmpty();
        assertThat(wiring.xui.findClient(panel, EMAIL)).isEmpty();

        ClientSpec spec = XuiTestSupport.spec(EMAIL);
        PanelClient created = wiring.xui.createClient(panel, spec);
        assertThat(created.email()).isEqualTo(EMAIL);
        assertThat(created.expiresAt()).isEqualTo(spec.expiresAt());
        assertThat(created.trafficLimitBytes()).isEqualTo(53_687_091_200L);
        JsonNode stored = fake.client(EMAIL).orElseThrow();
        assertThat(stored.path("id").asString()).isEqualTo(XuiTestSupport.CLIENT_UUID.toString());
        assertThat(stored.path("flow").asString()).isEqualTo("xtls-rprx-vision"); // the inbound's clients use Vision
        assertThat(stored.path("subId").asString()).isEqualTo("k7p2x9q4m1n8b3v6");
        assertThat(stored.path("limitIp").asInt()).isEqualTo(3);
        assertThat(stored.path("tgId").asLong()).isEqualTo(123456789L);

        // a retried create (the first attempt's answer was lost) adopts the client: still one on the panel
        assertThat(wiring.xui.createClient(panel, spec).email()).isEqualTo(EMAIL);
        assertThat(fake.state().copies(EMAIL)).isEqualTo(1);

        fake.state().usage(EMAIL, 1_000, 4_000, 1_764_000_000_000L);
        PanelClient read = wiring.xui.findClient(panel, EMAIL).orElseThrow();
        assertThat(read.usedBytes()).isEqualTo(5_000);
        assertThat(read.uuid()).isEqualTo(XuiTestSupport.CLIENT_UUID);
        if (!release.oldMessages()) {
            assertThat(read.lastOnlineAt()).isEqualTo(Instant.ofEpochMilli(1_764_000_000_000L));
        }

        Instant later = spec.expiresAt().plusSeconds(30L * 86_400);
        ClientSpec changed = new ClientSpec(EMAIL, spec.uuid(), spec.subscriptionId(), later, 0, 5, false,
                spec.telegramId(), spec.comment());
        PanelClient updated = wiring.xui.updateClient(panel, changed);
        assertThat(updated.expiresAt()).isEqualTo(later);
        assertThat(updated.trafficLimitBytes()).isZero();
        assertThat(updated.enabled()).isFalse();
        JsonNode afterUpdate = fake.client(EMAIL).orElseThrow();
        assertThat(afterUpdate.path("id").asString()).isEqualTo(XuiTestSupport.CLIENT_UUID.toString());
        assertThat(afterUpdate.path("limitIp").asInt()).isEqualTo(5);
        assertThat(afterUpdate.path("flow").asString()).isEqualTo("xtls-rprx-vision");

        String link = wiring.xui.connectionLink(panel, changed, "Shop · Key 42").orElseThrow();
        assertThat(link).startsWith("vless://" + XuiTestSupport.CLIENT_UUID + "@").endsWith("#Shop%20%C2%B7%20Key%2042");

        assertThat(wiring.xui.listClients(panel)).extracting(PanelClient::email).contains("operator-test", EMAIL);

        wiring.xui.deleteClient(panel, EMAIL);
        assertThat(fake.client(EMAIL)).isEmpty();
        assertThat(wiring.xui.findClient(panel, EMAIL)).isEmpty();
        wiring.xui.deleteClient(panel, EMAIL); // already gone: done
        assertThat(fake.state().emails()).containsExactly("operator-test");
    }

    /** A push is one upsert: one read of the inbound decides, and one more confirms what the panel now holds. */
    @ParameterizedTest(name = "{0}, API token: {1}")
    @MethodSource("releases")
    void anUpsertCreatesThenUpdatesWithOneLookupEach(XuiRelease release, boolean token) {
        FakeXuiPanel fake = fake(release);
        if (token) {
            fake.apiToken("v3-api-token");
        }
        XuiTestSupport wiring = new XuiTestSupport();
        PanelConnection panel = XuiTestSupport.panel(fake, token ? "v3-api-token" : null);
        ClientSpec spec = XuiTestSupport.spec(EMAIL);
        String inboundRead = "/panel/api/inbounds/get/1";

        int before = fake.requests("GET", inboundRead);
        assertThat(wiring.xui.upsertClient(panel, spec).email()).isEqualTo(EMAIL);
        assertThat(fake.requests("GET", inboundRead) - before).as("reads to create").isEqualTo(2);

        Instant later = spec.expiresAt().plusSeconds(86_400);
        ClientSpec extended = new ClientSpec(EMAIL, spec.uuid(), spec.subscriptionId(), later, spec.trafficLimitBytes(),
                3, true, spec.telegramId(), spec.comment());
        before = fake.requests("GET", inboundRead);
        assertThat(wiring.xui.upsertClient(panel, extended).expiresAt()).isEqualTo(later);
        assertThat(fake.requests("GET", inboundRead) - before).as("reads to update").isEqualTo(2);
        assertThat(fake.state().copies(EMAIL)).isEqualTo(1);
    }
}
