package dev.darkmaximus.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full-application test with its own 3x-ui panel in WireMock and a host pointing at it, plus an API client and a
 * {@link Shop} for customers, plans and keys. Still the one shared Spring context.
 */
public abstract class PanelBackedTest extends IntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    protected final XuiPanelStub panel = new XuiPanelStub();
    protected Api api;
    protected Shop shop;
    protected long hostId;

    @BeforeEach
    void startPanelAndHost() {
        panel.start();
        api = new Api(port);
        shop = new Shop(api, jdbc);
        hostId = shop.host(panel);
    }

    @AfterEach
    void stopPanel() {
        panel.stop();
    }
}
