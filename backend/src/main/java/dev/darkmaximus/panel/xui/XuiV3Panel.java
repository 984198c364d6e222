package dev.darkmaximus.panel.xui;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.VpnPanel;

/**
 * 3x-ui v3: clients are first-class (/panel/api/clients/*). Authenticates with the host's API token as a bearer
 * token when one is stored, else with the login cookie plus a CSRF token on writes. A 401 means "sign in again".
 */
@Component
class XuiV3Panel implements VpnPanel {

    private final XuiHttp http;
    private final XuiSessions sessions;

    XuiV3Panel(XuiHttp http, XuiSessions sessions) {
        this.http = http;
        this.sessions = sessions;
    }

    @Override
    public boolean supports(String panelType) {
        return "XUI_V3".equals(panelType);
    }

    @Override
    public PanelClient createClient(PanelConnection panel, ClientSpec spec) {
        Optional<PanelClient> existing = findClient(panel, spec.email());
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = http.json().createObjectNode();
        body.set("client", XuiClients.client(http.json(), spec));
        panel.inboundIds().forEach(body.putArray("inboundIds")::add);
        call(panel, "clients.add", true, "/panel/api/clients/add", http.json().writeValueAsString(body));
        return findClient(panel, spec.email()).orElseThrow(() ->
                new PanelException("client " + spec.email() + " missing right after it was added", true));
    }

    @Override
    public PanelClient updateClient(PanelConnection panel, ClientSpec spec) {
        call(panel, "clients.update", true, "/panel/api/clients/update/" + XuiHttp.segment(spec.email()),
                http.json().writeValueAsString(XuiClients.client(http.json(), spec)));
        return findClient(panel, spec.email()).orElseThrow(() ->
                new PanelException("client " + spec.email() + " is not on the panel", false));
    }

    @Override
    public void deleteClient(PanelConnection panel, String email) {
        if (findClient(panel, email).isPresent()) {
            call(panel, "clients.del", true, "/panel/api/clients/del/" + XuiHttp.segment(email), null);
        }
    }

    @Override
    public Optional<PanelClient> findClient(PanelConnection panel, String email) {
        JsonNode traffic;
        try {
            traffic = call(panel, "clients.traffic", false, "/panel/api/clients/traffic/" + XuiHttp.segment(email), null);
        } catch (PanelException e) {
            if (e.transientFailure()) {
                throw e;
            }
            return Optional.empty(); // v3 answers success:false for an unknown email
        }
        if (traffic.isNull() || traffic.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode record = call(panel, "clients.get", false, "/panel/api/clients/get/" + XuiHttp.segment(email), null);
        return Optional.of(XuiClients.fromRecord(record, traffic, record.path("inboundIds").path(0).asInt(0)));
    }

    @Override
    public List<PanelClient> listClients(PanelConnection panel) {
        JsonNode records = call(panel, "clients.list", false, "/panel/api/clients/list", null);
        List<PanelClient> clients = new ArrayList<>();
        for (JsonNode record : records) {
            for (JsonNode inbound : record.path("inboundIds")) {
                if (panel.inboundIds().contains(inbound.asInt())) {
                    clients.add(XuiClients.fromRecord(record, record.path("traffic"), inbound.asInt()));
                    break;
                }
            }
        }
        return clients;
    }

    /** v3 builds the links itself (the panel's "Copy URL"), including external proxies: the first one is used. */
    @Override
    public Optional<String> connectionLink(PanelConnection panel, ClientSpec spec, String remark) {
        JsonNode links = call(panel, "clients.links", false, "/panel/api/clients/links/" + XuiHttp.segment(spec.email()),
                null);
        if (!links.isArray() || links.isEmpty()) {
            return Optional.empty();
        }
        String link = links.path(0).asString();
        int hash = link.indexOf('#');
        return Optional.of((hash < 0 ? link : link.substring(0, hash)) + "#"
                + java.net.URLEncoder.encode(remark, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Override
    public void checkHealth(PanelConnection panel) {
        call(panel, "clients.list", false, "/panel/api/clients/list", null);
    }

    private JsonNode call(PanelConnection panel, String operation, boolean write, String path, String jsonBody) {
        HttpResponse<String> response = http.send(panel, operation, authorized(panel, write, path, jsonBody, false));
        if (response.statusCode() == 401 && panel.apiToken() == null) {
            response = http.send(panel, operation, authorized(panel, write, path, jsonBody, true));
        }
        return http.envelope(response, operation);
    }

    private HttpRequest authorized(PanelConnection panel, boolean write, String path, String jsonBody, boolean fresh) {
        HttpRequest.Builder request = http.request(panel, path);
        request = write || jsonBody != null
                ? request.header("Content-Type", "application/json").POST(jsonBody == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                : request.GET();
        if (panel.apiToken() != null) {
            return request.header("Authorization", "Bearer " + panel.apiToken()).build();
        }
        String cookie = fresh ? sessions.login(panel) : sessions.cookie(panel);
        request.header("Cookie", cookie);
        if (write) {
            request.header("X-CSRF-Token", csrfToken(panel, cookie));
        }
        return request.build();
    }

    private String csrfToken(PanelConnection panel, String cookie) {
        HttpResponse<String> response = http.send(panel, "csrf-token",
                http.request(panel, "/csrf-token").header("Cookie", cookie).GET().build());
        return http.envelope(response, "csrf-token").asString();
    }
}
