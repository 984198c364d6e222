package dev.darkmaximus.panel.xui;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelInfo;
import dev.darkmaximus.panel.VpnPanel;

/**
 * Every supported 3x-ui version (v2.4 … v3.6) behind one adapter: the host's panel type is what the operator said,
 * the version the panel reports decides the routes ({@link XuiProfile}).
 * <p>
 * "Is the client there?" is answered from the inbound itself ({@code GET /panel/api/inbounds/get/{id}}, whose
 * settings list the inbound's clients on every version), never from a lookup's failure: v2.8.1+ answers an unknown
 * email with {@code success:false}, older versions with {@code obj:null}, and a refused token or expired session
 * with 404. Only an inbound read that succeeded and lacks the email means "absent"; every write is checked by reading
 * again.
 */
@Component
class XuiPanel implements VpnPanel {

    private final XuiCalls calls;
    private final XuiVersions versions;

    private final CircuitBreakers breakers;

    XuiPanel(XuiCalls calls, XuiVersions versions, CircuitBreakers breakers) {
        this.calls = calls;
        this.versions = versions;
        this.breakers = breakers;
    }

    @Override
    public void forget(long hostId) {
        calls.http().forget(hostId);
        calls.auth().forget(hostId);
        versions.forget(hostId);
        breakers.forget(hostId);
    }

    @Override
    public boolean supports(String panelType) {
        return "XUI_V2".equals(panelType) || "XUI_V3".equals(panelType);
    }

    @Override
    public PanelInfo describe(PanelConnection panel) {
        return versions.describe(panel);
    }

    @Override
    public PanelClient createClient(PanelConnection panel, ClientSpec spec) {
        Lookup lookup = lookup(panel, spec.email());
        if (lookup.found()) {
            return lookup.client(traffic(panel, spec.email()));
        }
        return create(panel, spec, lookup);
    }

    /** One lookup decides: the client is updated to {@code spec} if the panel has it, created otherwise. */
    @Override
    public PanelClient upsertClient(PanelConnection panel, ClientSpec spec) {
        Lookup lookup = lookup(panel, spec.email());
        return lookup.found() ? update(panel, spec, lookup) : create(panel, spec, lookup);
    }

    private PanelClient create(PanelConnection panel, ClientSpec spec, Lookup lookup) {
        XuiInbound inbound = lookup.inbounds().get(panel.inboundIds().get(0));
        inbound.unsupportedReason().ifPresent(reason -> {
            throw new PanelException(reason, false);
        });
        XuiCredentials credentials = XuiCredentials.of(spec, inbound);
        ObjectNode client = XuiClients.client(calls.http().json(), spec, credentials, inbound);
        XuiHttp.Envelope answer = profile(panel).clientRoutes() ? addV3(panel, inbound, client)
                : calls.post(panel, "addClient", "/panel/api/inbounds/addClient", settingsBody(inbound, client));
        if (!answer.success() && !taken(answer.message())) {
            throw new PanelException("addClient refused by the panel: " + answer.message(), false);
        }
        Lookup created = lookup(panel, spec.email());
        if (!created.found()) {
            throw new PanelException("client " + spec.email() + " is missing right after it was added"
                    + (answer.success() ? "" : " (" + answer.message() + ")"), !taken(answer.message()));
        }
        if (!spec.enabled() && created.record().path("enable").asBoolean(true)) {
            return updateClient(panel, spec); // v3's add always creates clients enabled (client_crud.go Create)
        }
        return created.client(traffic(panel, spec.email()));
    }

    /** v3.1+ {@code POST /panel/api/clients/add} on the host's first inbound. */
    private XuiHttp.Envelope addV3(PanelConnection panel, XuiInbound inbound, ObjectNode client) {
        ObjectNode body = calls.http().json().createObjectNode();
        body.set("client", client);
        body.putArray("inboundIds").add(inbound.id());
        return calls.post(panel, "clients.add", "/panel/api/clients/add", body);
    }

    @Override
    public PanelClient updateClient(PanelConnection panel, ClientSpec spec) {
        Lookup lookup = lookup(panel, spec.email());
        if (!lookup.found()) {
            throw new PanelException("client " + spec.email() + " is not on the panel", false);
        }
        return update(panel, spec, lookup);
    }

    private PanelClient update(PanelConnection panel, ClientSpec spec, Lookup lookup) {
        XuiInbound inbound = lookup.inbound();
        XuiCredentials credentials = XuiClients.existing(lookup.record(), inbound, spec);
        ObjectNode client = XuiClients.client(calls.http().json(), spec, credentials, inbound);
        XuiHttp.Envelope answer = profile(panel).clientRoutes()
                ? calls.post(panel, "clients.update", "/panel/api/clients/update/" + XuiHttp.segment(spec.email()),
                        client)
                : calls.post(panel, "updateClient", "/panel/api/inbounds/updateClient/"
                        + XuiHttp.segment(XuiCredentials.clientId(lookup.record(), inbound.protocol())),
                        settingsBody(inbound, client));
        if (!answer.success()) {
            throw new PanelException("updateClient refused by the panel: " + answer.message(), false);
        }
        Lookup updated = lookup(panel, spec.email());
        if (!updated.found()) {
            throw new PanelException("client " + spec.email() + " vanished while it was updated", true);
        }
        return updated.client(traffic(panel, spec.email()));
    }

    @Override
    public void deleteClient(PanelConnection panel, String email) {
        Lookup lookup = lookup(panel, email);
        if (!lookup.found()) {
            return;
        }
        XuiInbound inbound = lookup.inbound();
        XuiProfile profile = profile(panel);
        XuiHttp.Envelope answer;
        if (profile.clientRoutes()) {
            answer = calls.post(panel, "clients.del", "/panel/api/clients/del/" + XuiHttp.segment(email), null);
        } else if (profile.deleteByEmail()) {
            answer = calls.post(panel, "delClientByEmail", "/panel/api/inbounds/" + inbound.id()
                    + "/delClientByEmail/" + XuiHttp.segment(email), null);
        } else {
            String clientId = XuiCredentials.clientId(lookup.record(), inbound.protocol());
            answer = calls.post(panel, "delClient", "/panel/api/inbounds/" + inbound.id() + "/delClient/"
                    + XuiHttp.segment(clientId), null);
        }
        if (!answer.success()) {
            if (answer.message().contains("no client remained")) {
                switchOffLast(panel, lookup);
                return;
            }
            throw new PanelException("delete refused by the panel: " + answer.message(), false);
        }
        if (lookup(panel, email).found()) {
            // v2 up to v2.9.3 answers success for a delClient id it doesn't know (web/service/inbound.go DelInboundClient)
            throw new PanelException("the panel answered that it deleted " + email + " but still lists it", false);
        }
    }

    /**
     * 3x-ui keeps at least one client per inbound ({@code web/service/inbound.go} DelInboundClient: "no client remained
     * in Inbound"), so the last one is switched off and expired instead: its access ends all the same. Sync reports
     * it as a client without a key, for the operator to remove once the inbound has another client.
     */
    private void switchOffLast(PanelConnection panel, Lookup lookup) {
        JsonNode record = lookup.record();
        String email = record.path("email").asString();
        UUID uuid;
        try {
            uuid = UUID.fromString(record.path("id").asString(""));
        } catch (IllegalArgumentException notAUuid) {
            uuid = UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8));
        }
        ClientSpec off = new ClientSpec(email, uuid, record.path("subId").asString(""),
                Instant.now().minusSeconds(60), record.path("totalGB").asLong(0),
                record.path("limitIp").asInt(0), false, record.path("tgId").asLong(0),
                record.path("comment").asString(""));
        PanelClient result = updateClient(panel, off);
        if (result.enabled()) {
            throw new PanelException("the panel refused to delete " + email + " (the inbound's last client) and it is "
                    + "still enabled", false);
        }
    }

    @Override
    public Optional<PanelClient> findClient(PanelConnection panel, String email) {
        Lookup lookup = lookup(panel, email);
        return lookup.found() ? Optional.of(lookup.client(traffic(panel, email))) : Optional.empty();
    }

    @Override
    public List<PanelClient> listClients(PanelConnection panel) {
        List<PanelClient> clients = new ArrayList<>();
        for (XuiInbound inbound : versions.inbounds(panel)) {
            if (!panel.inboundIds().contains(inbound.id())) {
                continue;
            }
            for (JsonNode client : inbound.settings().path("clients")) {
                String email = client.path("email").asString("");
                clients.add(XuiClients.fromRecord(client, inbound.stats(email), inbound.id()));
            }
        }
        return clients;
    }

    /**
     * v3.1+ builds the link itself ({@code GET /panel/api/clients/links/{email}}, external proxies included); older
     * panels have no such route, so the link is built the same way from the inbound ({@link XuiLinks}).
     */
    @Override
    public Optional<String> connectionLink(PanelConnection panel, ClientSpec spec, String remark) {
        Lookup lookup = lookup(panel, spec.email());
        if (!lookup.found()) {
            throw new PanelException("client " + spec.email() + " is not on the panel", false);
        }
        if (profile(panel).clientRoutes()) {
            XuiHttp.Envelope answer = calls.get(panel, "clients.links",
                    "/panel/api/clients/links/" + XuiHttp.segment(spec.email()));
            if (!answer.success()) {
                throw new PanelException("clients.links refused by the panel: " + answer.message(), false);
            }
            if (!answer.obj().isArray() || answer.obj().isEmpty()) {
                return Optional.empty();
            }
            String link = answer.obj().path(0).asString();
            int hash = link.indexOf('#');
            return Optional.of((hash < 0 ? link : link.substring(0, hash)) + "#"
                    + XuiHttp.segment(remark));
        }
        XuiInbound inbound = lookup.inbound();
        XuiCredentials credentials = XuiClients.existing(lookup.record(), inbound, spec);
        return XuiLinks.link(calls.http().json(), XuiLinks.address(panel.baseUrl()), inbound, credentials, remark);
    }

    private XuiProfile profile(PanelConnection panel) {
        return versions.profile(panel);
    }

    /** The ClientTraffic row (usage, last online) through the version's route, or a missing node when it has none. */
    private JsonNode traffic(PanelConnection panel, String email) {
        XuiHttp.Envelope answer = profile(panel).clientRoutes()
                ? calls.get(panel, "clients.traffic", "/panel/api/clients/traffic/" + XuiHttp.segment(email))
                : calls.get(panel, "getClientTraffics", "/panel/api/inbounds/getClientTraffics/"
                        + XuiHttp.segment(email));
        if (!answer.success()) {
            throw new PanelException("reading the usage of " + email + " failed: " + answer.message(), false);
        }
        return answer.obj();
    }

    /**
     * Reads the host's inbounds in order until one lists the email; when none does, every inbound on the panel is
     * read before the client counts as absent (an operator may have moved the host to other inbounds while keys
     * lived on the old ones: those keys must still be found, updated and revoked).
     */
    private Lookup lookup(PanelConnection panel, String email) {
        if (panel.inboundIds().isEmpty()) {
            throw new PanelException("host " + panel.hostId() + " has no inbound configured", false);
        }
        Map<Integer, XuiInbound> read = new LinkedHashMap<>();
        for (int id : panel.inboundIds()) {
            XuiInbound inbound = versions.inbound(panel, id);
            read.put(id, inbound);
            Optional<JsonNode> client = inbound.client(email);
            if (client.isPresent()) {
                return new Lookup(read, inbound, client.get());
            }
        }
        for (XuiInbound inbound : versions.inbounds(panel)) {
            Optional<JsonNode> client = inbound.client(email);
            if (client.isPresent()) {
                return new Lookup(read, inbound, client.get());
            }
        }
        return new Lookup(read, null, null);
    }

    /** v2 and v3.0 take the client inside a JSON string of inbound settings (web/controller/inbound.go addClient). */
    private ObjectNode settingsBody(XuiInbound inbound, ObjectNode client) {
        ObjectNode settings = calls.http().json().createObjectNode();
        settings.putArray("clients").add(client);
        ObjectNode body = calls.http().json().createObjectNode();
        body.put("id", inbound.id());
        body.put("settings", calls.http().json().writeValueAsString(settings));
        return body;
    }

    /** "Duplicate email" (v2, v3.0) or "email already in use" (v3.1+): another attempt created it first. */
    private static boolean taken(String message) {
        return message.contains("Duplicate email") || message.contains("email already in use");
    }

    private record Lookup(Map<Integer, XuiInbound> inbounds, XuiInbound inbound, JsonNode record) {

        Lookup {
            inbounds = new HashMap<>(inbounds);
        }

        boolean found() {
            return record != null;
        }

        PanelClient client(JsonNode traffic) {
            return XuiClients.fromRecord(record, traffic, inbound.id());
        }
    }
}
