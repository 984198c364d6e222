package dev.darkmaximus.panel.xui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;
import dev.darkmaximus.testsupport.xui.XuiRelease;

/** What travels between the shop and a panel: retries, timeouts, the circuit breaker, TLS. */
class XuiTransportTest {

    private static final String INBOUND = FakeXuiPanel.ROOT + "/panel/api/inbounds/get/1";
    private final FakeXuiPanel fake = new FakeXuiPanel(XuiRelease.V2_9_4).start();
    private final XuiTestSupport wiring = new XuiTestSupport();
    private final PanelConnection panel = XuiTestSupport.panel(fake, null);

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndTimed() {
        fake.server().stubFor(get(urlEqualTo(INBOUND)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));

        assertThat(wiring.xui.findClient(panel, "operator-test")).isPresent();
        fake.server().verify(2, getRequestedFor(urlEqualTo(INBOUND)));
        assertThat(wiring.meters.get("dm.panel.requests").tag("host", "7").tag("outcome", "answered").timers())
                .isNotEmpty();
    }

    @Test
    void timeoutsAreTransientAndADeadPanelOpensTheCircuit() {
        fake.server().stubFor(get(urlEqualTo(INBOUND)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        for (int call = 0; call < XuiTestSupport.PROPERTIES.breakerFailures(); call++) {
            assertThatThrownBy(() -> wiring.xui.findClient(panel, "x")).isInstanceOfSatisfying(PanelException.class,
                    e -> assertThat(e.transientFailure()).isTrue());
        }
        int requestsSoFar = fake.server().findAll(getRequestedFor(urlEqualTo(INBOUND))).size();

        assertThatThrownBy(() -> wiring.xui.findClient(panel, "x")).hasMessageContaining("paused");
        assertThat(fake.server().findAll(getRequestedFor(urlEqualTo(INBOUND)))).hasSize(requestsSoFar);
        assertThat(wiring.breakers.state(7)).isEqualTo(CircuitBreakers.State.OPEN);
    }

    @Test
    void anAnswerThatIsNotTheEnvelopeIsAnErrorNeverNotFound() {
        fake.server().stubFor(get(urlEqualTo(INBOUND)).willReturn(aResponse().withStatus(200)
                .withBody("<html>maintenance</html>")));

        assertThatThrownBy(() -> wiring.xui.findClient(panel, "x")).isInstanceOf(PanelException.class);
        assertThatThrownBy(() -> wiring.xui.deleteClient(panel, "operator-test")).isInstanceOf(PanelException.class);
        assertThat(fake.client("operator-test")).isPresent();
    }

    @Test
    void selfSignedPanelsNeedVerificationSwitchedOff() {
        PanelConnection trusting = new PanelConnection(8, "XUI_V2", fake.httpsBaseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, null, List.of(1), false, null, null);
        PanelConnection verifying = new PanelConnection(9, "XUI_V2", fake.httpsBaseUrl(), FakeXuiPanel.ROOT,
                FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD, null, List.of(1), true, null, null);

        assertThat(wiring.xui.findClient(trusting, "operator-test")).isPresent();
        assertThatThrownBy(() -> wiring.xui.findClient(verifying, "operator-test"))
                .isInstanceOfSatisfying(PanelException.class, e -> assertThat(e.transientFailure()).isTrue());
    }
}
