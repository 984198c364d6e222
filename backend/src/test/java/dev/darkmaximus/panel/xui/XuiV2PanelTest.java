package dev.darkmaximus.panel.xui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;

/** 3x-ui v2 as reference/3x-ui.md describes it: cookie login, envelopes, 404 for an expired session. */
class XuiV2PanelTest {

    private static final String EMAIL = "dm1000-k1";
    private static final String TRAFFIC_PATH = "/secret/panel/api/inbounds/getClientTraffics/" + EMAIL;

    private final WireMockServer panelServer = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    private final XuiTestSupport wiring = new XuiTestSupport();
    private PanelConnection panel;

    @BeforeEach
    void start() {
        panelServer.start();
        panel = XuiTestSupport.panel("http://127.0.0.1:" + panelServer.port(), null, true);
        panelServer.stubFor(post(urlEqualTo("/secret/login")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"Login Successfully\",\"obj\":null}")
                .withHeader("Set-Cookie", "3x-ui=session-1; Path=/; Max-Age=21600; HttpOnly")));
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/inbounds/get/1")).willReturn(okJson("""
                {"success":true,"msg":"","obj":{"id":1,"port":443,"protocol":"vless","listen":"",
                 "settings":"{\\"clients\\":[],\\"decryption\\":\\"none\\"}",
                 "streamSettings":"{\\"network\\":\\"tcp\\",\\"security\\":\\"reality\\"}"}}""")));
    }

    @AfterEach
    void stop() {
        panelServer.stop();
    }

    @Test
    void createsAClientWithTheSessionCookieAndReadsItBack() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).inScenario("create").whenScenarioStateIs(STARTED)
                .willReturn(okJson(XuiTestSupport.OK_NULL)));
        panelServer.stubFor(post(urlEqualTo("/secret/panel/api/inbounds/addClient")).inScenario("create")
                .withHeader("Cookie", equalTo("3x-ui=session-1"))
                .withRequestBody(matchingJsonPath("$.id", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.settings", containing(EMAIL)))
                .willReturn(okJson("{\"success\":true,\"msg\":\"Client(s) added\",\"obj\":null}"))
                .willSetStateTo("created"));
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).inScenario("create").whenScenarioStateIs("created")
                .willReturn(okJson(XuiTestSupport.traffic(EMAIL))));

        PanelClient client = wiring.v2.createClient(panel, XuiTestSupport.spec(EMAIL));

        assertThat(client.email()).isEqualTo(EMAIL);
        assertThat(client.expiresAt().toEpochMilli()).isEqualTo(1_767_225_600_000L);
        assertThat(client.trafficLimitBytes()).isEqualTo(53_687_091_200L);
        assertThat(client.usedBytes()).isEqualTo(5120);
        assertThat(client.subscriptionId()).isEqualTo("k7p2x9q4m1n8b3v6");
        panelServer.verify(1, postRequestedFor(urlEqualTo("/secret/login")));
        String settings = panelServer.findAll(postRequestedFor(urlEqualTo("/secret/panel/api/inbounds/addClient")))
                .get(0).getBodyAsString();
        assertThat(settings).contains("totalGB").contains("53687091200").contains("1767225600000").contains("limitIp")
                .contains("xtls-rprx-vision"); // the inbound is TCP + Reality
    }

    @Test
    void aRetriedCreateAdoptsTheClientAlreadyOnThePanel() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).willReturn(okJson(XuiTestSupport.traffic(EMAIL))));

        PanelClient client = wiring.v2.createClient(panel, XuiTestSupport.spec(EMAIL));

        assertThat(client.uuid()).isEqualTo(XuiTestSupport.spec(EMAIL).uuid());
        panelServer.verify(0, postRequestedFor(urlEqualTo("/secret/panel/api/inbounds/addClient")));
    }

    @Test
    void anExpiredSessionAnswering404SignsInAgainOnce() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).inScenario("expiry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(404)).willSetStateTo("relogged"));
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).inScenario("expiry").whenScenarioStateIs("relogged")
                .willReturn(okJson(XuiTestSupport.traffic(EMAIL))));

        assertThat(wiring.v2.findClient(panel, EMAIL)).isPresent();
        panelServer.verify(2, postRequestedFor(urlEqualTo("/secret/login")));
    }

    @Test
    void successFalseIsARefusalWithThePanelsMessage() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).willReturn(okJson(XuiTestSupport.OK_NULL)));
        panelServer.stubFor(post(urlEqualTo("/secret/panel/api/inbounds/addClient")).willReturn(okJson(
                "{\"success\":false,\"msg\":\"Duplicate email: dm1000-k1\",\"obj\":null}")));

        assertThatThrownBy(() -> wiring.v2.createClient(panel, XuiTestSupport.spec(EMAIL)))
                .isInstanceOfSatisfying(PanelException.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.getMessage()).contains("Duplicate email");
                });
    }

    @Test
    void aRefusedLoginIsNotRetried() {
        panelServer.stubFor(post(urlEqualTo("/secret/login")).willReturn(okJson(
                "{\"success\":false,\"msg\":\"Invalid username or password\",\"obj\":null}")));

        assertThatThrownBy(() -> wiring.v2.findClient(panel, EMAIL)).isInstanceOfSatisfying(PanelException.class,
                e -> assertThat(e.transientFailure()).isFalse());
        panelServer.verify(1, postRequestedFor(urlEqualTo("/secret/login")));
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(XuiTestSupport.traffic(EMAIL))));

        assertThat(wiring.v2.findClient(panel, EMAIL)).isPresent();
        panelServer.verify(2, getRequestedFor(urlEqualTo(TRAFFIC_PATH)));
        assertThat(wiring.meters.get("dm.panel.requests").tag("host", "7").tag("outcome", "answered").timers())
                .isNotEmpty();
    }

    @Test
    void timeoutsAreTransientAndADeadPanelOpensTheCircuit() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).willReturn(okJson(XuiTestSupport.traffic(EMAIL))
                .withFixedDelay(2_000)));

        for (int call = 0; call < XuiTestSupport.PROPERTIES.breakerFailures(); call++) {
            assertThatThrownBy(() -> wiring.v2.findClient(panel, EMAIL)).isInstanceOfSatisfying(PanelException.class,
                    e -> assertThat(e.transientFailure()).isTrue());
        }
        int requestsSoFar = panelServer.findAll(getRequestedFor(urlEqualTo(TRAFFIC_PATH))).size();

        assertThatThrownBy(() -> wiring.v2.findClient(panel, EMAIL)).hasMessageContaining("paused");
        assertThat(panelServer.findAll(getRequestedFor(urlEqualTo(TRAFFIC_PATH)))).hasSize(requestsSoFar);
        assertThat(wiring.breakers.state(7)).isEqualTo(dev.darkmaximus.panel.CircuitBreakers.State.OPEN);
    }

    @Test
    void selfSignedPanelsNeedVerificationSwitchedOff() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).willReturn(okJson(XuiTestSupport.traffic(EMAIL))));
        String https = "https://localhost:" + panelServer.httpsPort();

        assertThat(wiring.v2.findClient(XuiTestSupport.panel(https, null, false), EMAIL)).isPresent();
        XuiTestSupport verifying = new XuiTestSupport();
        assertThatThrownBy(() -> verifying.v2.findClient(XuiTestSupport.panel(https, null, true), EMAIL))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.transientFailure()).isTrue());
    }

    @Test
    void listsTheClientsOfTheHostsInboundsWithTheirTraffic() {
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/inbounds/list")).willReturn(okJson("""
                {"success":true,"msg":"","obj":[
                  {"id":1,"remark":"main","enable":true,"protocol":"vless","port":443,
                   "settings":"{\\"clients\\":[{\\"id\\":\\"0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10\\",\\"email\\":\\"dm1000-k1\\",\\"totalGB\\":0,\\"expiryTime\\":0,\\"enable\\":true,\\"subId\\":\\"abc\\"},{\\"id\\":\\"5d1c0f7e-0000-4000-8000-000000000001\\",\\"email\\":\\"stranger\\",\\"totalGB\\":1073741824,\\"expiryTime\\":1767225600000,\\"enable\\":false,\\"subId\\":\\"\\"}],\\"decryption\\":\\"none\\"}",
                   "clientStats":[{"email":"dm1000-k1","up":10,"down":20,"lastOnline":0},{"email":"stranger","up":1,"down":1}]},
                  {"id":2,"remark":"other","settings":"{\\"clients\\":[{\\"email\\":\\"not-ours\\"}]}","clientStats":[]}
                ]}""")));

        var clients = wiring.v2.listClients(panel);

        assertThat(clients).extracting(PanelClient::email).containsExactly("dm1000-k1", "stranger");
        assertThat(clients.get(0).usedBytes()).isEqualTo(30);
        assertThat(clients.get(0).expiresAt()).isNull();
        assertThat(clients.get(1).enabled()).isFalse();
    }

    @Test
    void deletingAClientThatIsGoneIsDone() {
        panelServer.stubFor(get(urlEqualTo(TRAFFIC_PATH)).willReturn(okJson(XuiTestSupport.OK_NULL)));

        wiring.v2.deleteClient(panel, EMAIL);

        panelServer.verify(0, postRequestedFor(urlEqualTo("/secret/panel/api/inbounds/1/delClientByEmail/" + EMAIL)));
    }
}
