package dev.darkmaximus.panel.xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;
import dev.darkmaximus.testsupport.xui.XuiRelease;

/** Where 3x-ui versions answer differently, each case the way that version's source answers. */
class XuiVersionDifferencesTest {

    private static final String EMAIL = "tg1-k7";
    private static final JsonMapper JSON = JsonMapper.builder()
            .build();
    private final List<FakeXuiPanel> panels = new ArrayList<>();
    private final XuiTestSupport wiring = new XuiTestSupport();

    @AfterEach
    void stop() {
        panels.forEach(FakeXuiPanel::stop);
    }

    private FakeXuiPanel fake(XuiRelease release) {
        FakeXuiPanel fake = new FakeXuiPanel(release).start();
        panels.add(fake);
        return fake;
    }

    static List<XuiRelease> releases() {
        return XuiRelease.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void anUnknownEmailIsCreatedExactlyOnceWhateverTheLookupAnswers(XuiRelease release) {
        FakeXuiPanel fake = fake(release);
        PanelConnection panel = XuiTestSupport.panel(fake, null);

        wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL));

        String add = release.clientRoutes() ? "/panel/api/clients/add" : "/panel/api/inbounds/addClient";
        assertThat(fake.requests("POST", add)).isEqualTo(1);
        assertThat(fake.state().copies(EMAIL)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void anExpiredSessionSignsInAgainOnce(XuiRelease release) {
        FakeXuiPanel fake = fake(release);
        PanelConnection panel = XuiTestSupport.panel(fake, null);
        wiring.xui.describe(panel);
        int logins = fake.requests("POST", "/login");

        fake.expireSessions();

        assertThat(wiring.xui.findClient(panel, "operator-test")).isPresent();
        assertThat(fake.requests("POST", "/login")).isEqualTo(logins + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void anAddWhoseAnswerIsLostIsNotSentAgainAndTheRetriedPushAdoptsTheClient(XuiRelease release) {
        FakeXuiPanel fake = fake(release);
        PanelConnection panel = XuiTestSupport.panel(fake, null);
        wiring.xui.describe(panel);
        fake.slowWrites(1_500); // longer than the adapter's read timeout: the add lands, its answer doesn't

        assertThatThrownBy(() -> wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL)))
                .isInstanceOf(PanelException.class);
        fake.slowWrites(0);
        wiring.breakers.succeeded(7);
        wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL)); // the outbox's next try

        String add = release.clientRoutes() ? "/panel/api/clients/add" : "/panel/api/inbounds/addClient";
        assertThat(fake.requests("POST", add)).isEqualTo(1);
        assertThat(fake.state().copies(EMAIL)).isEqualTo(1);
    }

    @Test
    void aClientOnAnInboundTheHostNoLongerNamesIsStillFoundAndRevoked() {
        FakeXuiPanel fake = fake(XuiRelease.V2_9_4);
        fake.state().addInbound(2, "vless", 8443, "{\"clients\":[{\"id\":\"11111111-2222-4333-8444-555555555555\","
                + "\"email\":\"other\",\"flow\":\"\",\"enable\":true}],\"decryption\":\"none\"}",
                "{\"network\":\"ws\",\"security\":\"none\",\"wsSettings\":{\"path\":\"/w\"}}");
        fake.state().putClient(1, client(EMAIL));
        PanelConnection movedTo2 = new PanelConnection(7, "XUI_V2", fake.baseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, null, List.of(2), true, null, null);

        assertThat(wiring.xui.findClient(movedTo2, EMAIL)).isPresent();
        wiring.xui.deleteClient(movedTo2, EMAIL);

        assertThat(fake.client(EMAIL)).isEmpty();
    }

    @Test
    void onV27RevokeUsesTheDeleteRouteThatVersionHas() {
        FakeXuiPanel fake = fake(XuiRelease.V2_7_0);
        PanelConnection panel = XuiTestSupport.panel(fake, null);
        wiring.xui.describe(panel);
        wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL));

        wiring.xui.deleteClient(panel, EMAIL);

        assertThat(fake.client(EMAIL)).isEmpty();
        assertThat(fake.requests("POST", "/panel/api/inbounds/1/delClient/" + XuiTestSupport.CLIENT_UUID)).isEqualTo(1);
        assertThat(fake.requests("POST", "/panel/api/inbounds/1/delClientByEmail/" + EMAIL)).isZero();
    }

    @Test
    void aRefusedOrRotatedV3TokenIsAnErrorAndTheClientStays() {
        FakeXuiPanel fake = fake(XuiRelease.V3_6_0);
        fake.apiToken("old-token");
        PanelConnection panel = XuiTestSupport.panel(fake, "old-token");
        wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL));

        fake.apiToken("rotated-token");

        assertThatThrownBy(() -> wiring.xui.deleteClient(panel, EMAIL)).isInstanceOfSatisfying(PanelException.class,
                e -> assertThat(e.getMessage()).contains("API token"));
        assertThatThrownBy(() -> wiring.xui.findClient(panel, EMAIL)).isInstanceOf(PanelException.class);
        assertThat(fake.client(EMAIL)).isPresent();
        assertThat(fake.requests("POST", "/login")).isZero(); // a token is never "fixed" by signing in
    }

    @Test
    void v3WithoutATokenSignsInWithTheCsrfTokenAndSignsWritesWithIt() {
        FakeXuiPanel fake = fake(XuiRelease.V3_6_0);
        PanelConnection panel = XuiTestSupport.panel(fake, null);

        wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL));

        assertThat(fake.requests("GET", "/csrf-token")).isEqualTo(1);
        assertThat(fake.requests("POST", "/login")).isEqualTo(1);
        assertThat(fake.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/panel/api/clients/add"))
                .allMatch(e -> e.getRequest().getHeader("X-CSRF-Token") != null)).isTrue();
        assertThat(fake.client(EMAIL)).isPresent();
    }

    @Test
    void v3CreatesVisionClientsWithTheirFlow() {
        FakeXuiPanel fake = fake(XuiRelease.V3_6_0);
        fake.apiToken("t");
        wiring.xui.createClient(XuiTestSupport.panel(fake, "t"), XuiTestSupport.spec(EMAIL));

        assertThat(fake.client(EMAIL).orElseThrow().path("flow").asString()).isEqualTo("xtls-rprx-vision");
    }

    @Test
    void aRefusedSignInIsNotRepeatedSoThePanelDoesNotLockTheShopOut() {
        FakeXuiPanel fake = fake(XuiRelease.V3_6_0);
        PanelConnection wrong = new PanelConnection(7, "XUI_V3", fake.baseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, "wrong-password", null, List.of(1), true, null, null);

        assertThatThrownBy(() -> wiring.xui.findClient(wrong, EMAIL)).hasMessageContaining("two-factor code");
        assertThatThrownBy(() -> wiring.xui.findClient(wrong, EMAIL)).hasMessageContaining("not tried again");
        assertThat(fake.requests("POST", "/login")).isEqualTo(1);

        assertThat(wiring.xui.findClient(XuiTestSupport.panel(fake, null), EMAIL)).isEmpty(); // new password: at once
    }

    @Test
    void anUpdateNamesTheInboundTheClientLivesIn() {
        FakeXuiPanel fake = fake(XuiRelease.V2_9_4);
        fake.state().addInbound(2, "vless", 8443, "{\"clients\":[{\"id\":\"11111111-2222-4333-8444-555555555555\","
                + "\"email\":\"other\",\"flow\":\"\",\"enable\":true}],\"decryption\":\"none\"}",
                "{\"network\":\"ws\",\"security\":\"none\",\"wsSettings\":{\"path\":\"/w\"}}");
        PanelConnection both = new PanelConnection(7, "XUI_V2", fake.baseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, null, List.of(2, 1), true, null, null);
        fake.state().putClient(1, client(EMAIL));

        ClientSpec spec = XuiTestSupport.spec(EMAIL);
        wiring.xui.updateClient(both, new ClientSpec(EMAIL, spec.uuid(), spec.subscriptionId(), spec.expiresAt(), 0,
                1, true, 1, ""));

        assertThat(fake.client(EMAIL).orElseThrow().path("limitIp").asInt()).isEqualTo(1);
    }

    @Test
    void theLastClientOfAnInboundIsSwitchedOffBecauseThePanelWontDeleteIt() {
        FakeXuiPanel fake = new FakeXuiPanel(XuiRelease.V2_9_4, false).start();
        panels.add(fake);
        PanelConnection panel = XuiTestSupport.panel(fake, null);
        wiring.xui.createClient(panel, XuiTestSupport.spec(EMAIL));

        wiring.xui.deleteClient(panel, EMAIL);

        JsonNode left = fake.client(EMAIL).orElseThrow();
        assertThat(left.path("enable").asBoolean()).isFalse();
        assertThat(left.path("expiryTime").asLong()).isLessThan(System.currentTimeMillis());
        assertThat(left.path("id").asString()).isEqualTo(XuiTestSupport.CLIENT_UUID.toString());
    }

    @Test
    void inboundsTheShopCantSellOnAreNamedWithTheReason() {
        FakeXuiPanel fake = fake(XuiRelease.V2_9_4);
        fake.state().addInbound(3, "wireguard", 51820, "{\"peers\":[]}", "{}");
        fake.state().addInbound(4, "shadowsocks", 8388, "{\"method\":\"2022-blake3-chacha20-poly1305\","
                + "\"password\":\"x\",\"clients\":[]}", "{\"network\":\"tcp\",\"security\":\"none\"}");
        fake.state().addInbound(5, "hysteria", 443, "{\"clients\":[]}", "{}");
        PanelConnection panel = new PanelConnection(7, "XUI_V2", fake.baseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, null, List.of(1, 3, 4, 5, 9), true, null, null);

        assertThat(wiring.xui.describe(panel).problems()).containsExactly(
                "inbound 3 is wireguard; the shop creates keys on VLESS, VMess, Trojan and Shadowsocks inbounds only",
                "inbound 4 is single-user Shadowsocks (2022-blake3-chacha20-poly1305); use a 2022-blake3 or AEAD "
                        + "cipher with clients",
                "inbound 5 is hysteria; the shop creates keys on VLESS, VMess, Trojan and Shadowsocks inbounds only",
                "inbound 9 doesn't exist on the panel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwordProtocols")
    void trojanAndShadowsocksClientsAreKeyedByTheirPasswordOrEmail(XuiRelease release, String protocol,
                                                                  String settings) {
        FakeXuiPanel fake = fake(release);
        fake.state().addInbound(6, protocol, 2053, settings, "{\"network\":\"tcp\",\"security\":\"none\"}");
        PanelConnection panel = new PanelConnection(7, "XUI_V2", fake.baseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, null, List.of(6), true, null, null);
        ClientSpec spec = XuiTestSupport.spec(EMAIL);

        wiring.xui.createClient(panel, spec);
        wiring.xui.updateClient(panel, new ClientSpec(EMAIL, spec.uuid(), spec.subscriptionId(), spec.expiresAt(), 7,
                2, true, 1, ""));
        String link = wiring.xui.connectionLink(panel, spec, "r").orElseThrow();
        wiring.xui.deleteClient(panel, EMAIL);

        assertThat(link).startsWith(protocol.equals("trojan") ? "trojan://" : protocol.equals("shadowsocks") ? "ss://"
                : "vmess://");
        assertThat(fake.client(EMAIL)).isEmpty();
    }

    static List<Arguments> passwordProtocols() {
        String trojan = "{\"clients\":[{\"password\":\"keep-me\",\"email\":\"keeper\",\"enable\":true}]}";
        String ss = "{\"method\":\"2022-blake3-aes-128-gcm\",\"password\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"clients\":"
                + "[{\"method\":\"\",\"password\":\"BBBBBBBBBBBBBBBBBBBBBB==\",\"email\":\"keeper\",\"enable\":true}]}";
        String vmess = "{\"clients\":[{\"id\":\"11111111-2222-4333-8444-555555555555\",\"email\":\"keeper\",\"enable\":true}]}";
        List<Arguments> cases = new ArrayList<>();
        for (XuiRelease release : List.of(XuiRelease.V2_4_11, XuiRelease.V2_9_4, XuiRelease.V3_0_0,
                XuiRelease.V3_6_0)) {
            cases.add(Arguments.of(release, "trojan", trojan));
            cases.add(Arguments.of(release, "shadowsocks", ss));
            cases.add(Arguments.of(release, "vmess", vmess));
        }
        return cases;
    }

    private static JsonNode client(String email) {
        return JSON.readTree("{\"id\":\"" + XuiTestSupport.CLIENT_UUID + "\",\"email\":\"" + email
                + "\",\"flow\":\"xtls-rprx-vision\",\"limitIp\":3,\"totalGB\":0,\"expiryTime\":0,\"enable\":true,"
                + "\"tgId\":1,\"subId\":\"k7p2x9q4m1n8b3v6\",\"comment\":\"\",\"reset\":0}");
    }
}
