package dev.darkmaximus.panel.remnawave;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelInfo;
import dev.darkmaximus.panel.PanelOptions;
import dev.darkmaximus.panel.PanelProperties;
import dev.darkmaximus.panel.PanelTransport;
import dev.darkmaximus.testsupport.remnawave.FakeRemnawavePanel;
import dev.darkmaximus.testsupport.remnawave.RemnawaveRelease;

/**
 * The key lifecycle on every supported Remnawave release, the adapter wired by hand against the fake: create (and
 * adopt on a retry), update, usage, link, revoke (delete or disable), listing past one page, and telling "no such
 * user" from a refused token, a wrong address or a panel that closes the connection.
 */
class RemnawaveLifecycleTest {

    private static final PanelProperties PROPERTIES = new PanelProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(2), 3, Duration.ofMillis(10), 50, Duration.ofSeconds(30));
    private static final String USER = "dm1042-k77";
    private static final UUID VLESS = UUID.fromString("0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10");

    private final List<FakeRemnawavePanel> fakes = new ArrayList<>();
    private final RemnawavePanel adapter = new RemnawavePanel(new RemnawaveHttp(new PanelTransport(PROPERTIES,
            new CircuitBreakers(PROPERTIES, Clock.systemUTC()), new SimpleMeterRegistry()),
            JsonMapper.builder().build()), Clock.systemUTC());

    @AfterEach
    void stop() {
        fakes.forEach(FakeRemnawavePanel::stop);
    }

    private FakeRemnawavePanel fake(RemnawaveRelease release) {
        FakeRemnawavePanel fake = new FakeRemnawavePanel(release).start();
        fakes.add(fake);
        return fake;
    }

    private static PanelConnection host(FakeRemnawavePanel fake, String token, boolean forwarded, String revoke) {
        return new PanelConnection(fakesHostId(fake), "REMNAWAVE", fake.baseUrl(), null, "", null, token, List.of(),
                true, null, null, new PanelOptions(List.of(FakeRemnawavePanel.SQUAD_EU), forwarded, revoke, "MONTH"));
    }

    private static long fakesHostId(FakeRemnawavePanel fake) {
        return fake.server().port(); // one circuit per fake
    }

    private static ClientSpec spec(Instant expires, long limit, int devices, boolean enabled, List<String> squads) {
        return new ClientSpec(USER, VLESS, "k7p2x9q4m1n8b3v6", expires, limit, devices, enabled, 123456789L,
                "tg 123456789 @key", squads);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aKeyLivesAndDiesOnThePanel(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");

        PanelInfo info = adapter.describe(panel);
        assertThat(info.version()).isEqualTo(release.version());
        assertThat(info.squads()).isEqualTo(2);
        assertThat(info.problems()).isEmpty();
        assertThat(info.api()).contains(release.generation3() ? "3.x" : "2.x");
        assertThat(adapter.findClient(panel, USER)).isEmpty();

        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        PanelClient created = adapter.createClient(panel, spec(expires, 50L << 30, 3, true, null));
        assertThat(created.email()).isEqualTo(USER);
        assertThat(created.expiresAt()).isEqualTo(expires);
        assertThat(created.subscriptionUrl()).startsWith(FakeRemnawavePanel.SUB_DOMAIN + "/");
        JsonNode stored = fake.user(USER).orElseThrow();
        assertThat(stored.path("vlessUuid").asString()).isEqualTo(VLESS.toString());
        assertThat(stored.path("hwidDeviceLimit").asInt()).isEqualTo(3);
        assertThat(stored.path("trafficLimitBytes").asLong()).isEqualTo(50L << 30);
        assertThat(stored.path("trafficLimitStrategy").asString()).isEqualTo("MONTH");
        assertThat(stored.path("telegramId").asLong()).isEqualTo(123456789L);
        assertThat(stored.path("activeInternalSquads").get(0).path("uuid").asString())
                .isEqualTo(FakeRemnawavePanel.SQUAD_EU);

        // A retried create (the first one's answer lost) adopts the user instead of making a second one.
        PanelClient adopted = adapter.createClient(panel, spec(expires, 50L << 30, 3, true, null));
        assertThat(fake.userCount()).isEqualTo(1);
        assertThat(adopted.subscriptionUrl()).isEqualTo(created.subscriptionUrl());
        assertThat(fake.requests("POST", "/api/users")).isEqualTo(1);

        // Extended, unlimited devices, the plan's own squad, then switched off.
        Instant later = expires.plus(30, ChronoUnit.DAYS);
        PanelClient updated = adapter.upsertClient(panel, spec(later, 0, 0, false, List.of(FakeRemnawavePanel.SQUAD_US)));
        assertThat(updated.expiresAt()).isEqualTo(later);
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.trafficLimitBytes()).isZero();
        stored = fake.user(USER).orElseThrow();
        assertThat(stored.path("hwidDeviceLimit").asInt()).isZero(); // 0 = no limit on Remnawave too
        assertThat(stored.path("status").asString()).isEqualTo("DISABLED");
        assertThat(stored.path("activeInternalSquads").get(0).path("uuid").asString())
                .isEqualTo(FakeRemnawavePanel.SQUAD_US);

        Instant online = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fake.usage(USER, 5_000_000L, online);
        PanelClient read = adapter.findClient(panel, USER).orElseThrow();
        assertThat(read.usedBytes()).isEqualTo(5_000_000L);
        assertThat(read.lastOnlineAt()).isEqualTo(online);
        assertThat(adapter.connectionLink(panel, spec(later, 0, 0, true, null), "NL #1"))
                .contains(created.subscriptionUrl());

        adapter.revokeClient(panel, USER); // the host deletes revoked users
        assertThat(fake.user(USER)).isEmpty();
        assertThat(adapter.findClient(panel, USER)).isEmpty();
        adapter.revokeClient(panel, USER); // gone already: still counts as revoked
        adapter.deleteClient(panel, USER);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aNeverEndingKeyAndAnEndedOneAreWrittenAsThePanelAcceptsThem(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");
        PanelClient forever = adapter.createClient(panel, spec(null, 0, 0, true, null));
        assertThat(forever.expiresAt()).isNull(); // stored as 2099-12-31, read back as "never"
        assertThat(fake.user(USER).orElseThrow().path("expireAt").asString()).startsWith("2099-12-31");

        // The panel refuses a past expiry on update; an ended key keeps the panel's date and is still switched off.
        Instant past = Instant.now().minus(2, ChronoUnit.DAYS);
        fake.setExpiry(USER, past.plus(1, ChronoUnit.DAYS));
        PanelClient ended = adapter.updateClient(panel, spec(past, 0, 0, false, null));
        assertThat(ended.enabled()).isFalse();
        assertThat(ended.expiresAt()).isBefore(Instant.now());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aKeyEndedEarlyEndsOnThePanelAsSoonAsThePanelAllows(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");
        adapter.createClient(panel, spec(Instant.now().plus(30, ChronoUnit.DAYS), 0, 0, true, null));

        // Refunded: the shop ends the key now. The panel refuses a past date, so it gets the nearest it takes.
        PanelClient ended = adapter.upsertClient(panel, spec(Instant.now().minusSeconds(1), 0, 0, true, null));

        assertThat(ended.expiresAt()).isBetween(Instant.now().plus(1, ChronoUnit.MINUTES),
                Instant.now().plus(3, ChronoUnit.MINUTES));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aPushNeverRevivesAUserThePanelExpiredOrLimitedAndADisabledKeyStaysOff(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");
        Instant month = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        adapter.createClient(panel, spec(month, 1_000, 0, true, null));
        fake.usage(USER, 2_000, Instant.now());
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("LIMITED");

        adapter.upsertClient(panel, spec(month, 1_000, 0, true, null)); // the same state pushed again
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("LIMITED");
        adapter.upsertClient(panel, spec(month, 5_000, 0, true, null)); // topped up: the panel lets it back
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("ACTIVE");

        Instant ended = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        fake.setExpiry(USER, ended);
        adapter.upsertClient(panel, spec(ended, 5_000, 0, true, null));
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("EXPIRED");

        // Switched off by an admin while expired, then renewed: it must stay off on the panel.
        adapter.upsertClient(panel, spec(ended, 5_000, 0, false, null));
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("DISABLED");
        PanelClient renewed = adapter.upsertClient(panel, spec(month, 5_000, 0, false, null));
        assertThat(renewed.enabled()).isFalse();
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("DISABLED");
        assertThat(adapter.upsertClient(panel, spec(month, 5_000, 0, true, null)).enabled()).isTrue();
        assertThat(fake.user(USER).orElseThrow().path("status").asString()).isEqualTo("ACTIVE");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void usersDeletedWhileTheListIsReadDoNotHideOthers(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        fake.addUsers("shop-", 1_100, Instant.now().plus(5, ChronoUnit.DAYS));
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");
        // Newest first: the first page is shop-1099 … shop-600. Deleting one of them moves shop-599 up into it.
        fake.afterNextPage(() -> fake.remove("shop-1099"));

        List<PanelClient> all = adapter.listClients(panel);

        assertThat(all).hasSize(1_099);
        assertThat(all).extracting(PanelClient::email).contains("shop-599").doesNotContain("shop-1099");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aHostThatKeepsRevokedUsersDisablesThemAndKillsTheirLink(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DISABLE");
        PanelClient created = adapter.createClient(panel, spec(Instant.now().plus(10, ChronoUnit.DAYS), 0, 0, true,
                null));

        adapter.revokeClient(panel, USER);

        PanelClient kept = adapter.findClient(panel, USER).orElseThrow();
        assertThat(kept.enabled()).isFalse();
        assertThat(kept.subscriptionUrl()).isNotEqualTo(created.subscriptionUrl());
        assertThat(fake.user(USER).orElseThrow().path("subRevokedAt").isNull()).isFalse();
        adapter.revokeClient(panel, USER); // revoked again (a retry): still fine, nothing refused

        // Kept users show up as orphans in sync; an admin removing one really deletes it.
        adapter.deleteClient(panel, USER);
        assertThat(fake.user(USER)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aUserSwitchedOffBySomeoneElseFirstIsStillRevoked(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DISABLE");
        adapter.createClient(panel, spec(Instant.now().plus(10, ChronoUnit.DAYS), 0, 0, true, null));
        // Between our lookup and our "disable", an operator disabled it: the panel answers A029.
        fake.server().stubFor(post(urlPathMatching("/api/users/.*/actions/disable")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"timestamp\":\"2026-12-06T10:00:00.000Z\",\"path\":\"/api/users\","
                        + "\"message\":\"User already disabled\",\"errorCode\":\"A029\"}")));

        adapter.revokeClient(panel, USER);

        assertThat(fake.user(USER).orElseThrow().path("subRevokedAt").isNull()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void everyUserIsListedAcrossPages(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        fake.addUsers("shop-", 1_234, Instant.now().plus(5, ChronoUnit.DAYS));
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");

        List<PanelClient> all = adapter.listClients(panel);

        assertThat(all).hasSize(1_234);
        assertThat(all).extracting(PanelClient::email).doesNotHaveDuplicates().contains("shop-0", "shop-1233");
        assertThat(fake.requests("GET", "/api/users?")).isEqualTo(3); // 500 + 500 + 234
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void noSuchUserIsToldApartFromEveryFailure(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        assertThat(adapter.findClient(host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE"), USER)).isEmpty();

        // A refused token is a failure that retrying won't mend, never "no such user".
        assertThatThrownBy(() -> adapter.findClient(host(fake, "stale-token", true, "DELETE"), USER))
                .isInstanceOfSatisfying(PanelException.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e).hasMessageContaining("refused the API token");
                });
        // Called directly without its proxy's headers, the panel closes the connection: say what to switch on.
        assertThatThrownBy(() -> adapter.findClient(host(fake, FakeRemnawavePanel.TOKEN, false, "DELETE"), USER))
                .isInstanceOfSatisfying(PanelException.class, e -> {
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e).hasMessageContaining("forwarded headers");
                });
        // A 404 that isn't the panel's own "user not found" (a proxy in front, a wrong path) is not "no such user".
        fake.server().stubFor(get(urlPathMatching("/api/users/by-username/.*"))
                .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));
        assertThatThrownBy(() -> adapter.findClient(host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE"), USER))
                .isInstanceOf(PanelException.class).hasMessageContaining("HTTP 404");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aUserCreatedBetweenTheLookupAndTheCreateIsAdopted(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = host(fake, FakeRemnawavePanel.TOKEN, true, "DELETE");
        fake.addUser(USER, Instant.now().plus(1, ChronoUnit.DAYS)); // another node's push, or our lost answer
        // The lookup ran just before it landed: the panel still said "no such user" then.
        fake.server().stubFor(get(urlPathMatching("/api/users/by-username/.*")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("seen")
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"timestamp\":\"2026-12-06T10:00:00.000Z\",\"path\":\"/api/users\","
                                + "\"message\":\"User with specified params not found\",\"errorCode\":\"A063\"}")));
        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

        PanelClient client = adapter.createClient(panel, spec(expires, 0, 2, true, null));

        assertThat(fake.userCount()).isEqualTo(1);
        assertThat(client.expiresAt()).isEqualTo(expires); // refused as taken (A019), then brought to our state
        assertThat(fake.requests("PATCH", "/api/users")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemnawaveRelease.class)
    void aSquadTheHostNamesThatThePanelLacksIsAProblem(RemnawaveRelease release) {
        FakeRemnawavePanel fake = fake(release);
        PanelConnection panel = new PanelConnection(fakesHostId(fake), "REMNAWAVE", fake.baseUrl(), null, "", null,
                FakeRemnawavePanel.TOKEN, List.of(), true, null, null,
                new PanelOptions(List.of("11111111-2222-4333-8444-555555555555"), true, "DELETE", "NO_RESET"));

        assertThat(adapter.describe(panel).problems())
                .containsExactly("squad 11111111-2222-4333-8444-555555555555 is not on the panel");
        assertThat(adapter.squads(panel)).extracting(s -> s.name()).containsExactly("Europe", "USA");
    }
}
