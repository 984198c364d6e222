package dev.darkmaximus.panel.xui;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.VpnPanel;

/**
 * 3x-ui up to v2.x: cookie session from POST /login (cookie "3x-ui"), clients inside inbound settings (a JSON string).
 * An expired session shows as HTTP 404 on /panel/api, so a 404 means "sign in again and retry once". A refused login
 * is never retried: the panel locks out after a few failures.
 */
@Component
class XuiV2Panel implements VpnPanel {

    private final XuiHttp http;
    private final XuiSessions sessions;

    XuiV2Panel(XuiHttp http, XuiSessions sessions) {
        this.http = http;
        this.sessions = sessions;
    }

    @Override
    public boolean supports(String panelType) {
        return "XUI_V2".equals(panelType);
    }

    @Override
    public PanelClient createClient(PanelConnection panel, ClientSpec spec) {
        Optional<PanelClient> existing = findClient(panel, spec.email());
        if (existing.isPresent()) {
            return existing.get();
        }
        String body = settingsBody(panel, spec);
        call(panel, "addClient", () -> post(panel, "/panel/api/inbounds/addClient", body));
        return findClient(panel, spec.email()).orElseThrow(() ->
                new PanelException("client " + spec.email() + " missing right after it was added", true));
    }

    @Override
    public PanelClient updateClient(PanelConnection panel, ClientSpec spec) {
        String body = settingsBody(panel, spec);
        call(panel, "updateClient", () -> post(panel, "/panel/api/inbounds/updateClient/" + spec.uuid(), body));
        return findClient(panel, spec.email()).orElseThrow(() ->
                new PanelException("client " + spec.email() + " is not on the panel", false));
    }

    @Override
    public void deleteClient(PanelConnection panel, String email) {
        Optional<PanelClient> existing = findClient(panel, email);
        if (existing.isEmpty()) {
            return;
        }
        int inbound = existing.get().inboundId() != 0 ? existing.get().inboundId() : firstInbound(panel);
        call(panel, "delClient", () -> post(panel, "/panel/api/inbounds/" + inbound + "/delClientByEmail/"
                + XuiHttp.segment(email), null));
    }

    @Override
    public Optional<PanelClient> findClient(PanelConnection panel, String email) {
        JsonNode traffic = call(panel, "getClientTraffics",
                () -> get(panel, "/panel/api/inbounds/getClientTraffics/" + XuiHttp.segment(email)));
        if (traffic.isNull() || traffic.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(XuiClients.fromRecord(traffic, traffic, 0));
    }

    @Override
    public List<PanelClient> listClients(PanelConnection panel) {
        JsonNode inbounds = call(panel, "listInbounds", () -> get(panel, "/panel/api/inbounds/list"));
        List<PanelClient> clients = new ArrayList<>();
        for (JsonNode inbound : inbounds) {
            int inboundId = inbound.path("id").asInt();
            if (!panel.inboundIds().contains(inboundId)) {
                continue;
            }
            Map<String, JsonNode> stats = new HashMap<>();
            inbound.path("clientStats").forEach(s -> stats.put(s.path("email").asString(), s));
            for (JsonNode client : settings(inbound).path("clients")) {
                clients.add(XuiClients.fromRecord(client, stats.get(client.path("email").asString()), inboundId));
            }
        }
        return clients;
    }

    @Override
    public Optional<String> connectionLink(PanelConnection panel, ClientSpec spec, String remark) {
        JsonNode inbound = inbound(panel);
        JsonNode stream = parsed(inbound.path("streamSettings"));
        return XuiLinks.link(http.json(), XuiLinks.address(panel.baseUrl()), inbound, stream, spec,
                XuiLinks.flow(inbound, parsed(inbound.path("settings")), stream), remark);
    }

    @Override
    public void checkHealth(PanelConnection panel) {
        call(panel, "listInbounds", () -> get(panel, "/panel/api/inbounds/list"));
    }

    /** v2 returns settings as a JSON string; tolerate an object too. */
    private JsonNode settings(JsonNode inbound) {
        return parsed(inbound.path("settings"));
    }

    private JsonNode parsed(JsonNode maybeString) {
        return maybeString.isString() ? http.json().readTree(maybeString.asString()) : maybeString;
    }

    private JsonNode inbound(PanelConnection panel) {
        int id = firstInbound(panel);
        return call(panel, "getInbound", () -> get(panel, "/panel/api/inbounds/get/" + id));
    }

    /** The client with the flow the inbound's transport needs (Vision on TCP+Reality), read from the inbound. */
    private String settingsBody(PanelConnection panel, ClientSpec spec) {
        JsonNode inbound = inbound(panel);
        ObjectNode client = XuiClients.client(http.json(), spec);
        client.put("flow", XuiLinks.flow(inbound, settings(inbound), parsed(inbound.path("streamSettings"))));
        ObjectNode settings = http.json().createObjectNode();
        settings.putArray("clients").add(client);
        ObjectNode body = http.json().createObjectNode();
        body.put("id", firstInbound(panel));
        body.put("settings", http.json().writeValueAsString(settings));
        return http.json().writeValueAsString(body);
    }

    /** Runs an API call with the host's session, signing in again once if the session expired (404 in v2). */
    private JsonNode call(PanelConnection panel, String operation, Supplier<HttpRequest.Builder> request) {
        HttpResponse<String> response = http.send(panel, operation,
                request.get().header("Cookie", sessions.cookie(panel)).build());
        if (response.statusCode() == 404 || response.statusCode() == 401) {
            response = http.send(panel, operation, request.get().header("Cookie", sessions.login(panel)).build());
        }
        return http.envelope(response, operation);
    }

    private HttpRequest.Builder get(PanelConnection panel, String path) {
        return http.request(panel, path).GET();
    }

    private HttpRequest.Builder post(PanelConnection panel, String path, String jsonBody) {
        return http.request(panel, path).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    private static int firstInbound(PanelConnection panel) {
        if (panel.inboundIds().isEmpty()) {
            throw new PanelException("host " + panel.hostId() + " has no inbound configured", false);
        }
        return panel.inboundIds().get(0);
    }
}
