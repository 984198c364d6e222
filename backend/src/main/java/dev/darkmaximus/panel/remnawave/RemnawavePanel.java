package dev.darkmaximus.panel.remnawave;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelInfo;
import dev.darkmaximus.panel.PanelSquad;
import dev.darkmaximus.panel.PanelTransport;
import dev.darkmaximus.panel.VpnPanel;

/**
 * Remnawave 2.7+ and 3.x: one key is one panel user named by the key's panel identity, in the host's squads (or its
 * plan's), with the panel's subscription address as the key's link. Users are looked up by username before anything
 * is written, so a retried push adopts what an interrupted one created. Paths that name a user take its uuid (2.x) or
 * numeric id (3.x), read from the lookup ({@link RemnawaveUsers#handle}).
 */
@Component
class RemnawavePanel implements VpnPanel {

    static final String TYPE = "REMNAWAVE";
    /** Users per page when listing: the contract allows 1 … 1000 ({@code TanstackQueryRequestQuerySchema}). */
    static final int PAGE = 500;

    private final RemnawaveHttp http;
    private final Clock clock;

    RemnawavePanel(RemnawaveHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public boolean supports(String panelType) {
        return TYPE.equals(panelType);
    }

    @Override
    public PanelClient createClient(PanelConnection panel, ClientSpec spec) {
        Optional<JsonNode> existing = lookup(panel, spec.email());
        if (existing.isPresent()) {
            Optional<PanelClient> updated = update(panel, spec, existing.get());
            if (updated.isPresent()) {
                return updated.get();
            } // deleted between the lookup and the update: made again below
        }
        return create(panel, spec);
    }

    @Override
    public PanelClient updateClient(PanelConnection panel, ClientSpec spec) {
        JsonNode current = lookup(panel, spec.email()).orElseThrow(() -> absent(spec));
        return update(panel, spec, current).orElseThrow(() -> absent(spec));
    }

    private static PanelException absent(ClientSpec spec) {
        return new PanelException("users.update: the panel has no user " + spec.email(), false);
    }

    @Override
    public PanelClient upsertClient(PanelConnection panel, ClientSpec spec) {
        return createClient(panel, spec);
    }

    private PanelClient create(PanelConnection panel, ClientSpec spec) {
        RemnawaveHttp.Answer answer = http.post(panel, "users.create", "/api/users",
                RemnawaveUsers.createBody(panel, spec, http.json().createObjectNode()));
        if (answer.usernameTaken()) {
            // Created meanwhile (our own lost answer, or another node): adopt it.
            JsonNode taken = lookup(panel, spec.email()).orElseThrow(() -> new PanelException(
                    "users.create: the name is taken but the user can't be found; trying again later", true));
            return update(panel, spec, taken).orElseThrow(() -> absent(spec));
        }
        return RemnawaveUsers.client(http.require(answer, "users.create"));
    }

    /** Brings the user to {@code spec} from what the panel holds now; empty when it vanished meanwhile. */
    private Optional<PanelClient> update(PanelConnection panel, ClientSpec spec, JsonNode current) {
        RemnawaveHttp.Answer answer = http.patch(panel, "users.update", "/api/users",
                RemnawaveUsers.updateBody(panel, spec, current, clock.instant(), http.json().createObjectNode()));
        if (answer.userNotFound()) {
            return Optional.empty();
        }
        JsonNode user = http.require(answer, "users.update");
        if (!spec.enabled() && !"DISABLED".equals(user.path("status").asString(""))) {
            // An update switches off only an ACTIVE user; an EXPIRED or LIMITED one would stay so, and a later
            // renewal would revive it. The action switches off any (disableUser, users.service.ts).
            RemnawaveHttp.Answer off = http.post(panel, "users.disable",
                    "/api/users/" + PanelTransport.segment(RemnawaveUsers.handle(user)) + "/actions/disable", null);
            if (off.userNotFound()) {
                return Optional.empty();
            }
            if (off.alreadyDisabled()) { // switched off by someone else meanwhile: read it as it is now
                return lookup(panel, spec.email()).map(RemnawaveUsers::client);
            }
            user = http.require(off, "users.disable");
        }
        return Optional.of(RemnawaveUsers.client(user));
    }

    /**
     * Deletes the user, or, when the host keeps revoked users, disables it and revokes its subscription (the old
     * link stops working). A user already gone counts as revoked.
     */
    @Override
    public void revokeClient(PanelConnection panel, String email) {
        if (!panel.options().disableOnRevoke()) {
            deleteClient(panel, email);
            return;
        }
        Optional<JsonNode> user = lookup(panel, email);
        if (user.isEmpty()) {
            return;
        }
        String path = "/api/users/" + PanelTransport.segment(RemnawaveUsers.handle(user.get()));
        if (!"DISABLED".equals(user.get().path("status").asString(""))) {
            RemnawaveHttp.Answer disabled = http.post(panel, "users.disable", path + "/actions/disable", null);
            if (disabled.userNotFound()) {
                return;
            }
            if (!disabled.alreadyDisabled()) {
                http.require(disabled, "users.disable");
            }
        }
        RemnawaveHttp.Answer revoked = http.post(panel, "users.revoke", path + "/actions/revoke",
                http.json().createObjectNode());
        if (!revoked.userNotFound()) {
            http.require(revoked, "users.revoke");
        }
    }

    /** Deletes the user, whatever the host keeps on revocation (an orphan an admin removes); gone counts as deleted. */
    @Override
    public void deleteClient(PanelConnection panel, String email) {
        Optional<JsonNode> user = lookup(panel, email);
        if (user.isEmpty()) {
            return;
        }
        String path = "/api/users/" + PanelTransport.segment(RemnawaveUsers.handle(user.get()));
        RemnawaveHttp.Answer deleted = http.delete(panel, "users.delete", path);
        if (deleted.userNotFound()) {
            return;
        }
        JsonNode answer = http.require(deleted, "users.delete");
        // 2.x answers {isDeleted}, 3.x answers 204 with nothing.
        if (answer != null && answer.path("isDeleted").isBoolean() && !answer.path("isDeleted").asBoolean()) {
            throw new PanelException("users.delete: the panel did not delete " + email, false);
        }
    }

    @Override
    public Optional<PanelClient> findClient(PanelConnection panel, String email) {
        return lookup(panel, email).map(RemnawaveUsers::client);
    }

    /**
     * Every user on the panel, page by page (newest first, {@code users.repository.ts}). A user seen twice (added
     * while paging) counts once; when the total changed between the first and the last page (someone deleted users
     * meanwhile, which moves the rest up and can hide one from us), the listing is read again, up to three times,
     * so a key isn't reported missing because of it.
     */
    @Override
    public List<PanelClient> listClients(PanelConnection panel) {
        Map<String, PanelClient> users = new LinkedHashMap<>();
        for (int attempt = 1; ; attempt++) {
            users.clear();
            long first = -1;
            long last;
            for (int start = 0; ; start += PAGE) {
                JsonNode page = http.require(http.get(panel, "users.list",
                        "/api/users?start=" + start + "&size=" + PAGE), "users.list");
                JsonNode list = page.path("users");
                list.forEach(user -> {
                    PanelClient client = RemnawaveUsers.client(user);
                    users.put(client.email(), client);
                });
                last = page.path("total").asLong(0);
                first = first < 0 ? last : first;
                if (list.isEmpty() || start + PAGE >= last) {
                    break;
                }
            }
            if (first == last || attempt == 3) {
                return new ArrayList<>(users.values());
            }
        }
    }

    /** The panel's subscription address for the user: what the customer's app imports (several nodes, one link). */
    @Override
    public Optional<String> connectionLink(PanelConnection panel, ClientSpec spec, String remark) {
        return lookup(panel, spec.email()).map(RemnawaveUsers::client).map(PanelClient::subscriptionUrl);
    }

    /** The panel's version and squads; a squad the host names that the panel doesn't have is a problem. */
    @Override
    public PanelInfo describe(PanelConnection panel) {
        JsonNode metadata = http.require(http.get(panel, "system.metadata", "/api/system/metadata"),
                "system.metadata");
        String version = metadata.path("version").asString(null);
        List<PanelSquad> squads = squads(panel);
        List<String> problems = new ArrayList<>();
        for (String wanted : panel.options().squads()) {
            if (squads.stream().noneMatch(s -> s.uuid().equalsIgnoreCase(wanted))) {
                problems.add("squad " + wanted + " is not on the panel");
            }
        }
        String api = version != null && version.startsWith("2.") ? "Remnawave API 2.x (users by uuid)"
                : "Remnawave API 3.x (users by id)";
        return new PanelInfo(version, api, problems, squads.size());
    }

    @Override
    public List<PanelSquad> squads(PanelConnection panel) {
        JsonNode answer = http.require(http.get(panel, "squads.list", "/api/internal-squads"), "squads.list");
        List<PanelSquad> squads = new ArrayList<>();
        answer.path("internalSquads").forEach(s -> squads.add(new PanelSquad(s.path("uuid").asString(""),
                s.path("name").asString(""), s.path("info").path("membersCount").asInt(0),
                s.path("info").path("inboundsCount").asInt(0))));
        return squads;
    }

    @Override
    public void forget(long hostId) {
        http.forget(hostId);
    }

    private Optional<JsonNode> lookup(PanelConnection panel, String username) {
        RemnawaveHttp.Answer answer = http.get(panel, "users.get",
                "/api/users/by-username/" + PanelTransport.segment(username));
        if (answer.lookupNotFound()) {
            return Optional.empty();
        }
        return Optional.of(http.require(answer, "users.get"));
    }
}
