package dev.darkmaximus.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * A full-application test with its own 3x-ui panel in WireMock and a host pointing at it, an API client, a
 * {@link Shop} for customers, plans and keys, the outbox to drive and the database to read. Still the one shared
 * Spring context. Anything more (buying: {@link Purchases}) is composed in by the test that needs it.
 */
public abstract class PanelBackedTest extends IntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected OutboxWorker worker;
    @Autowired
    protected ShopSettings settings;

    protected final XuiPanelStub panel = new XuiPanelStub();
    protected Api api;
    protected Shop shop;
    protected OutboxDriver outbox;
    protected Db db;
    protected long hostId;

    @BeforeEach
    void startPanelAndHost() {
        panel.start();
        api = new Api(port);
        shop = new Shop(api, jdbc);
        outbox = new OutboxDriver(jdbc, worker);
        db = new Db(jdbc);
        hostId = shop.host(panel);
    }

    @AfterEach
    void stopPanel() {
        panel.stop();
    }
}
