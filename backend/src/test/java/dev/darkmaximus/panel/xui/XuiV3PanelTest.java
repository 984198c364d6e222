package dev.darkmaximus.panel.xui;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;

/** 3x-ui v3 (shapes from reference/3x-ui-v3-openapi.json): first-class clients, bearer token or cookie + CSRF. */
class XuiV3PanelTest {

    private static final String EMAIL = "dm1000-k2";
    private static final String NOT_FOUND = "{\"success\":false,\"msg\":\"client not found\",\"obj\":null}";
    private static final String RECORD = """
            {"success":true,"msg":"","obj":{"id":4,"email":"dm1000-k2","subId":"k7p2x9q4m1n8b3v6",
             "uuid":"0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10","totalGB":53687091200,"expiryTime":1767225600000,
             "enable":true,"inboundIds":[1],"limitIp":3,"tgId":123456789}}""";

    private final WireMockServer panelServer = new WireMockServer(options().dynamicPort());
    private final XuiTestSupport wiring = new XuiTestSupport();

    @BeforeEach
    void start() {
        panelServer.start();
    }

    @AfterEach
    void stop() {
        panelServer.stop();
    }

    private PanelConnection panel(String token) {
        return XuiTestSupport.panel("http://127.0.0.1:" + panelServer.port(), token, true);
    }

    private void stubClientAppearsAfterAdd() {
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/traffic/" + EMAIL)).inScenario("add")
                .whenScenarioStateIs(STARTED).willReturn(okJson(NOT_FOUND)));
        panelServer.stubFor(post(urlEqualTo("/secret/panel/api/clients/add")).inScenario("add")
                .withRequestBody(matchingJsonPath("$.client.email", equalTo(EMAIL)))
                .withRequestBody(matchingJsonPath("$.inboundIds[0]", equalTo("1")))
                .willReturn(okJson("{\"success\":true,\"msg\":\"Client added\"}")).willSetStateTo("added"));
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/traffic/" + EMAIL)).inScenario("add")
                .whenScenarioStateIs("added").willReturn(okJson(XuiTestSupport.traffic(EMAIL))));
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/get/" + EMAIL)).willReturn(okJson(RECORD)));
    }

    @Test
    void withAnApiTokenEveryCallCarriesTheBearerAndNoLoginHappens() {
        stubClientAppearsAfterAdd();

        PanelClient client = wiring.v3.createClient(panel("api-token-1"), XuiTestSupport.spec(EMAIL));

        assertThat(client.inboundId()).isEqualTo(1);
        assertThat(client.trafficLimitBytes()).isEqualTo(53_687_091_200L);
        assertThat(client.usedBytes()).isEqualTo(5120);
        panelServer.verify(postRequestedFor(urlEqualTo("/secret/panel/api/clients/add"))
                .withHeader("Authorization", equalTo("Bearer api-token-1")).withHeader("X-CSRF-Token", absent()));
        panelServer.verify(0, postRequestedFor(urlEqualTo("/secret/login")));
    }

    @Test
    void withoutATokenWritesUseTheSessionCookieAndACsrfToken() {
        stubClientAppearsAfterAdd();
        panelServer.stubFor(post(urlEqualTo("/secret/login")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"Logged in successfully\"}").withHeader("Set-Cookie", "3x-ui=s3; Path=/")));
        panelServer.stubFor(get(urlEqualTo("/secret/csrf-token")).willReturn(okJson(
                "{\"success\":true,\"obj\":\"csrf-token-string\"}")));

        wiring.v3.createClient(panel(null), XuiTestSupport.spec(EMAIL));

        panelServer.verify(postRequestedFor(urlEqualTo("/secret/panel/api/clients/add"))
                .withHeader("Cookie", equalTo("3x-ui=s3")).withHeader("X-CSRF-Token", equalTo("csrf-token-string")));
    }

    @Test
    void anUnknownEmailIsNotFoundAndListKeepsOnlyTheHostsInbounds() {
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/traffic/nobody")).willReturn(okJson(NOT_FOUND)));
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/list")).willReturn(okJson("""
                {"success":true,"obj":[
                  {"id":1,"email":"dm1000-k2","subId":"abcd1234","uuid":"0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10",
                   "totalGB":0,"expiryTime":1735689600000,"enable":true,"inboundIds":[3,1],"traffic":{"up":1024,"down":4096}},
                  {"id":2,"email":"elsewhere","inboundIds":[9],"traffic":{"up":0,"down":0}}]}""")));

        assertThat(wiring.v3.findClient(panel("t"), "nobody")).isEmpty();
        var clients = wiring.v3.listClients(panel("t"));
        assertThat(clients).extracting(PanelClient::email).containsExactly("dm1000-k2");
        assertThat(clients.get(0).usedBytes()).isEqualTo(5120);
        assertThat(clients.get(0).inboundId()).isEqualTo(1);
    }

    @Test
    void theConnectionLinkIsThePanelsOwnWithOurRemark() {
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/links/" + EMAIL))
                .withHeader("Authorization", equalTo("Bearer tok"))
                .willReturn(okJson("{\"success\":true,\"obj\":[\"vless://0b6f4a3e@vpn.example.com:443?type=tcp"
                        + "&security=reality#panel-remark\"]}")));
        panelServer.stubFor(get(urlEqualTo("/secret/panel/api/clients/links/none"))
                .willReturn(okJson("{\"success\":true,\"obj\":[]}")));

        assertThat(wiring.v3.connectionLink(panel("tok"), XuiTestSupport.spec(EMAIL), "Amsterdam #2"))
                .contains("vless://0b6f4a3e@vpn.example.com:443?type=tcp&security=reality#Amsterdam%20%232");
        assertThat(wiring.v3.connectionLink(panel("tok"), XuiTestSupport.spec("none"), "x")).isEmpty();
    }
}
