package dev.darkmaximus.testsupport.xui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The panel's state and its {@code /panel/api} routes, answering per {@link XuiRelease}. Messages are the English
 * texts a client without a language cookie gets ({@code web/translation/translate.en_US.toml} on v2,
 * {@code en-US.json} on v3); Go service errors end in a newline inside the msg ({@code common.NewError}).
 */
public final class FakeXuiRoutes {

    private final XuiRelease release;
    private final Map<Integer, ObjectNode> inbounds = new TreeMap<>();
    private final Map<String, long[]> traffic = new HashMap<>();
    private int nextTrafficId = 1;

    FakeXuiRoutes(XuiRelease release) {
        this.release = release;
    }

    /** Adds an inbound as the panel stores it (settings and streamSettings as JSON text). */
    public synchronized void addInbound(int id, String protocol, int port, String settings, String stream) {
        ObjectNode inbound = FakeXuiPanel.JSON.createObjectNode();
        inbound.put("id", id);
        inbound.put("remark", "inbound-" + id);
        inbound.put("port", port);
        inbound.put("protocol", protocol);
        inbound.put("listen", "");
        inbound.set("settings", FakeXuiPanel.JSON.readTree(settings));
        inbound.set("streamSettings", FakeXuiPanel.JSON.readTree(stream));
        inbounds.put(id, inbound);
        for (JsonNode client : inbound.path("settings").path("clients")) {
            traffic.putIfAbsent(client.path("email").asString(), new long[] {nextTrafficId++, 0, 0, 0});
        }
    }

    /** Puts a client on an inbound as if an operator (or an earlier attempt) had created it; replaces one by email. */
    public synchronized void putClient(int inboundId, JsonNode client) {
        ArrayNode clients = (ArrayNode) inbounds.get(inboundId).path("settings").path("clients");
        String email = client.path("email").asString();
        for (int i = clients.size() - 1; i >= 0; i--) {
            if (clients.get(i).path("email").asString().equals(email)) {
                clients.remove(i);
            }
        }
        clients.add(client.deepCopy());
        traffic.computeIfAbsent(email, e -> new long[] {nextTrafficId++, 0, 0, 0});
    }

    /** The inbound's clients become exactly these. */
    public synchronized void replaceClients(int inboundId, List<? extends JsonNode> clients) {
        ArrayNode list = (ArrayNode) inbounds.get(inboundId).path("settings").path("clients");
        list.removeAll();
        clients.forEach(c -> {
            list.add(c.deepCopy());
            traffic.computeIfAbsent(c.path("email").asString(), e -> new long[] {nextTrafficId++, 0, 0, 0});
        });
    }

    /** Sets a client's counters: bytes up and down, last online in epoch ms. */
    public synchronized void usage(String email, long up, long down, long lastOnline) {
        long[] row = traffic.get(email);
        row[1] = up;
        row[2] = down;
        row[3] = lastOnline;
    }

    synchronized Optional<JsonNode> client(String email) {
        return find(email).map(Found::client);
    }

    /** All clients with this email, on every inbound (v3 attaches one client to several). */
    public synchronized int copies(String email) {
        int count = 0;
        for (ObjectNode inbound : inbounds.values()) {
            for (JsonNode c : inbound.path("settings").path("clients")) {
                if (c.path("email").asString().equals(email)) {
                    count++;
                }
            }
        }
        return count;
    }

    boolean exists(String method, List<String> s) {
        String route = method + " " + String.join("/", s.size() > 1 ? s.subList(0, 2) : s);
        boolean v2Clients = !release.clientRoutes();
        return switch (route) {
            case "GET inbounds/list" -> s.size() == 2;
            case "GET inbounds/get", "GET inbounds/getClientTraffics" -> s.size() == 3 && (v2Clients
                    || route.endsWith("/get"));
            case "POST inbounds/addClient" -> s.size() == 2 && v2Clients;
            case "POST inbounds/updateClient" -> s.size() == 3 && v2Clients;
            case "GET server/status" -> s.size() == 2 && release.serverRoutes();
            case "GET clients/list" -> s.size() == 2 && release.clientRoutes();
            case "GET clients/get", "GET clients/traffic", "GET clients/links", "POST clients/update",
                 "POST clients/del" -> s.size() == 3 && release.clientRoutes();
            case "POST clients/add" -> s.size() == 2 && release.clientRoutes();
            default -> s.size() == 4 && method.equals("POST") && s.get(0).equals("inbounds") && v2Clients
                    && (s.get(2).equals("delClient") || (s.get(2).equals("delClientByEmail") && release.deleteByEmail()));
        };
    }

    synchronized ResponseDefinition answer(String method, List<String> s, String body, String host) {
        String route = method + " " + s.get(0) + "/" + s.get(1);
        return switch (route) {
            case "GET inbounds/list" -> ok(inboundList());
            case "GET inbounds/get" -> getInbound(s.get(2));
            case "GET inbounds/getClientTraffics", "GET clients/traffic" -> traffic(s.get(2));
            case "POST inbounds/addClient" -> addClient(body);
            case "POST inbounds/updateClient" -> updateClient(s.get(2), body);
            case "GET server/status" -> ok(status());
            case "GET clients/list" -> ok(clientList());
            case "GET clients/get" -> getClient(s.get(2));
            case "GET clients/links" -> links(s.get(2), host);
            case "POST clients/add" -> add(body);
            case "POST clients/update" -> update(s.get(2), body);
            case "POST clients/del" -> del(s.get(2));
            default -> s.get(2).equals("delClient") ? delClient(s.get(1), s.get(3), false)
                    : delClient(s.get(1), s.get(3), true);
        };
    }

    // ---- inbound routes (v2.x, v3.0.x) ------------------------------------------------------------------------

    private ArrayNode inboundList() {
        ArrayNode list = FakeXuiPanel.JSON.createArrayNode();
        inbounds.values().forEach(i -> list.add(inboundJson(i, true)));
        return list;
    }

    private ResponseDefinition getInbound(String id) {
        ObjectNode inbound = inbound(id);
        return inbound == null ? fail(release.oldMessages() ? "Obtain Failed: record not found" : "Obtain (record not found)")
                : ok(inboundJson(inbound, false));
    }

    /** list preloads clientStats; get/:id doesn't, so its clientStats is null (web/service/inbound.go GetInbound). */
    private ObjectNode inboundJson(ObjectNode stored, boolean withStats) {
        ObjectNode out = FakeXuiPanel.JSON.createObjectNode();
        out.put("id", stored.path("id").asInt());
        out.put("up", 0);
        out.put("down", 0);
        out.put("total", 0);
        out.put("remark", stored.path("remark").asString());
        out.put("enable", true);
        out.put("expiryTime", 0);
        if (withStats) {
            ArrayNode stats = out.putArray("clientStats");
            for (JsonNode c : stored.path("settings").path("clients")) {
                stats.add(trafficRow(c, stored.path("id").asInt()));
            }
        } else {
            out.putNull("clientStats");
        }
        out.put("listen", stored.path("listen").asString());
        out.put("port", stored.path("port").asInt());
        out.put("protocol", stored.path("protocol").asString());
        if (release.nestedInbounds()) {
            out.set("settings", stored.path("settings").deepCopy());
            out.set("streamSettings", stored.path("streamSettings").deepCopy());
        } else {
            out.put("settings", FakeXuiPanel.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(stored.path("settings")));
            out.put("streamSettings", FakeXuiPanel.JSON.writeValueAsString(stored.path("streamSettings")));
        }
        out.put("tag", "inbound-" + stored.path("port").asInt());
        return out;
    }

    private ResponseDefinition traffic(String email) {
        Optional<Found> found = find(email);
        if (found.isEmpty()) {
            return release.trafficUnknown() == null ? ok(null) : fail(release.trafficUnknown().formatted(email));
        }
        return ok(trafficRow(found.get().client(), found.get().inboundId()));
    }

    /** ClientTraffic (xray/client_traffic.go): subId from v2.8.1, uuid from v2.8.3, allTime v2.6.7 … v3.0.x. */
    private ObjectNode trafficRow(JsonNode client, int inboundId) {
        String email = client.path("email").asString();
        long[] row = traffic.computeIfAbsent(email, e -> new long[] {nextTrafficId++, 0, 0, 0});
        ObjectNode out = FakeXuiPanel.JSON.createObjectNode();
        out.put("id", row[0]);
        out.put("inboundId", inboundId);
        out.put("enable", client.path("enable").asBoolean(true));
        out.put("email", email);
        if (atLeast("2.8.3")) {
            out.put("uuid", client.path("id").asString(""));
        }
        if (atLeast("2.8.1")) {
            out.put("subId", client.path("subId").asString(""));
        }
        out.put("up", row[1]);
        out.put("down", row[2]);
        if (!release.oldMessages() && !release.clientRoutes()) {
            out.put("allTime", row[1] + row[2]);
        }
        out.put("expiryTime", client.path("expiryTime").asLong(0));
        out.put("total", client.path("totalGB").asLong(0));
        out.put("reset", client.path("reset").asInt(0));
        if (!release.oldMessages()) {
            out.put("lastOnline", row[3]);
        }
        return out;
    }

    private ResponseDefinition addClient(String body) {
        JsonNode request = FakeXuiPanel.JSON.readTree(body);
        if (!request.path("settings").isString()) {
            return fail(release.oldMessages() ? "Update Failed: json: cannot unmarshal object into Go struct field "
                    + "Inbound.settings of type string" : "Inbound has been successfully updated. (json: cannot "
                    + "unmarshal object into Go struct field Inbound.settings of type string)");
        }
        JsonNode clients = FakeXuiPanel.JSON.readTree(request.path("settings").asString()).path("clients");
        for (JsonNode c : clients) {
            String email = c.path("email").asString();
            // v3.0.x accepts an existing email sent with its stored subId and appends a second entry
            // (web/service/inbound.go checkEmailsExistForClients / AddInboundClient at v3.0.0)
            boolean sameSub = release.generation3() && find(email)
                    .map(f -> f.client().path("subId").asString().equals(c.path("subId").asString(""))).orElse(false);
            if (!sameSub && emailTaken(email, null)) {
                return fail(wrong("Duplicate email: " + email + "\n"));
            }
        }
        ObjectNode inbound = inbound(request.path("id").asString());
        if (inbound == null) {
            return fail(wrong("record not found"));
        }
        for (JsonNode c : clients) {
            if (primaryId(inbound, c).isEmpty()) {
                return fail(wrong("empty client ID\n"));
            }
        }
        for (JsonNode c : clients) {
            ((ArrayNode) inbound.path("settings").path("clients")).add(c.deepCopy());
            traffic.computeIfAbsent(c.path("email").asString(), e -> new long[] {nextTrafficId++, 0, 0, 0});
        }
        return okMessage(release.oldMessages() ? "Client(s) added Successfully" : "Inbound client(s) have been added.");
    }

    private ResponseDefinition updateClient(String clientId, String body) {
        JsonNode request = FakeXuiPanel.JSON.readTree(body);
        JsonNode replacement = FakeXuiPanel.JSON.readTree(request.path("settings").asString("{}")).path("clients").path(0);
        ObjectNode inbound = inbound(request.path("id").asString());
        if (inbound == null) {
            return fail(wrong("record not found"));
        }
        ArrayNode clients = (ArrayNode) inbound.path("settings").path("clients");
        int index = -1;
        for (int i = 0; i < clients.size(); i++) {
            if (primaryId(inbound, clients.get(i)).equals(clientId)) {
                index = i;
            }
        }
        if (index < 0 || primaryId(inbound, replacement).isEmpty()) {
            return fail(wrong("empty client ID\n"));
        }
        String oldEmail = clients.get(index).path("email").asString();
        if (emailTaken(replacement.path("email").asString(), oldEmail)) {
            return fail(wrong("Duplicate email: " + replacement.path("email").asString() + "\n"));
        }
        clients.set(index, replacement.deepCopy());
        return okMessage(release.oldMessages() ? "Client updated Successfully" : "Inbound client has been updated.");
    }

    private ResponseDefinition delClient(String inboundId, String key, boolean byEmail) {
        ObjectNode inbound = inbound(inboundId);
        String prefix = byEmail ? "Failed to delete client by email" : null;
        if (inbound == null) {
            return fail(byEmail ? prefix + " (record not found)" : wrong("record not found"));
        }
        ArrayNode clients = (ArrayNode) inbound.path("settings").path("clients");
        int index = -1;
        for (int i = 0; i < clients.size(); i++) {
            JsonNode c = clients.get(i);
            if (byEmail ? c.path("email").asString().equals(key) : primaryId(inbound, c).equals(key)) {
                index = i;
            }
        }
        if (index < 0) {
            if (byEmail) {
                return fail(prefix + " (client with email " + key + " not found\n)");
            }
            if (release.delUnknownFails()) {
                return fail(wrong("Client Not Found In Inbound For ID: " + key + "\n"));
            }
            // up to v2.9.3: nothing removed, the inbound saved again, success (web/service/inbound.go DelInboundClient)
            return okMessage(release.oldMessages() ? "Client deleted Successfully" : "Inbound client has been deleted.");
        }
        if (clients.size() == 1) {
            return fail(byEmail ? prefix + " (no client remained in Inbound\n)" : wrong("no client remained in Inbound\n"));
        }
        traffic.remove(clients.get(index).path("email").asString());
        clients.remove(index);
        return okMessage(byEmail ? "Client deleted successfully"
                : release.oldMessages() ? "Client deleted Successfully" : "Inbound client has been deleted.");
    }

    private ObjectNode status() {
        ObjectNode status = FakeXuiPanel.JSON.createObjectNode();
        status.put("cpu", 3.1);
        status.putObject("xray").put("state", "running").put("errorMsg", "").put("version", "25.10.15");
        if (release.statusVersion()) {
            status.put("panelVersion", release.version());
        }
        status.put("uptime", 86400);
        return status;
    }

    // ---- clients routes (v3.1+) -------------------------------------------------------------------------------

    private ArrayNode clientList() {
        ArrayNode list = FakeXuiPanel.JSON.createArrayNode();
        Map<String, ObjectNode> byEmail = new TreeMap<>();
        for (ObjectNode inbound : inbounds.values()) {
            for (JsonNode c : inbound.path("settings").path("clients")) {
                ObjectNode record = byEmail.computeIfAbsent(c.path("email").asString(), e -> {
                    ObjectNode r = record(c);
                    r.putArray("inboundIds");
                    r.set("traffic", trafficRow(c, inbound.path("id").asInt()));
                    return r;
                });
                ((ArrayNode) record.path("inboundIds")).add(inbound.path("id").asInt());
            }
        }
        byEmail.values().forEach(list::add);
        return list;
    }

    /** ClientRecord: "id" is the row id, the credential is "uuid" (model.go ClientRecord). */
    private ObjectNode record(JsonNode c) {
        ObjectNode r = FakeXuiPanel.JSON.createObjectNode();
        r.put("id", traffic.getOrDefault(c.path("email").asString(), new long[] {0})[0]);
        r.put("email", c.path("email").asString());
        r.put("subId", c.path("subId").asString(""));
        r.put("uuid", c.path("id").asString(""));
        r.put("password", c.path("password").asString(""));
        r.put("auth", "");
        r.put("flow", c.path("flow").asString(""));
        r.put("limitIp", c.path("limitIp").asInt(0));
        r.put("totalGB", c.path("totalGB").asLong(0));
        r.put("expiryTime", c.path("expiryTime").asLong(0));
        r.put("enable", c.path("enable").asBoolean(true));
        r.put("tgId", c.path("tgId").asLong(0));
        r.put("comment", c.path("comment").asString(""));
        r.put("reset", c.path("reset").asInt(0));
        return r;
    }

    private ResponseDefinition getClient(String email) {
        Optional<Found> found = find(email);
        if (found.isEmpty()) {
            return fail(release.clientGetUnknown());
        }
        ObjectNode obj = FakeXuiPanel.JSON.createObjectNode();
        obj.set("client", record(found.get().client()));
        obj.putArray("inboundIds").add(found.get().inboundId());
        return ok(obj);
    }

    /**
     * A link per inbound holding the client, named "remark-email" as v3.6's display template does. Only the shape the
     * adapter relies on (one link per inbound, the fragment last); the field-by-field comparison against the panel's
     * link code is XuiLinksTest's.
     */
    private ResponseDefinition links(String email, String host) {
        Optional<Found> found = find(email);
        if (found.isEmpty()) {
            return fail("Obtain (record not found)");
        }
        ObjectNode inbound = inbounds.get(found.get().inboundId());
        ArrayNode links = FakeXuiPanel.JSON.createArrayNode();
        String protocol = inbound.path("protocol").asString();
        JsonNode client = found.get().client();
        String user = protocol.equals("trojan") || protocol.equals("shadowsocks") ? client.path("password").asString("")
                : client.path("id").asString("");
        links.add((protocol.equals("shadowsocks") ? "ss" : protocol) + "://" + user + "@" + host
                + ":" + inbound.path("port").asInt() + "?type=tcp&security=reality#" + inbound.path("remark").asString()
                + "-" + email);
        return ok(links);
    }

    private ResponseDefinition add(String body) {
        JsonNode request = FakeXuiPanel.JSON.readTree(body);
        ObjectNode client = (ObjectNode) request.path("client").deepCopy();
        String email = client.path("email").asString("");
        if (email.isEmpty()) {
            return fail(wrong("client email is required\n"));
        }
        if (!request.path("inboundIds").isArray() || request.path("inboundIds").isEmpty()) {
            return fail(wrong("at least one inbound is required\n"));
        }
        if (client.path("subId").asString("").isEmpty()) {
            client.put("subId", UUID.randomUUID().toString());
        }
        Optional<Found> existing = find(email);
        if (existing.isPresent()) {
            boolean sameSub = existing.get().client().path("subId").asString().equals(client.path("subId").asString());
            if (!sameSub) {
                return fail(wrong("email already in use: " + email + "\n"));
            }
            if (release.reuseOnReAdd()) {
                return okMessage("Inbound client(s) have been added."); // v3.5.0+: a no-op with the stored credentials
            }
            // v3.1 … v3.4: accepted, fresh credentials minted, a second entry appended (client.go Create)
            client.remove("id");
            client.remove("password");
        }
        client.put("enable", true); // a client is always created enabled (client_crud.go Create)
        for (JsonNode id : request.path("inboundIds")) {
            ObjectNode inbound = inbounds.get(id.asInt());
            if (inbound == null) {
                return fail(wrong("record not found"));
            }
            fillCredentials(inbound, client);
            ((ArrayNode) inbound.path("settings").path("clients")).add(client.deepCopy());
        }
        traffic.computeIfAbsent(email, e -> new long[] {nextTrafficId++, 0, 0, 0});
        return okMessage("Inbound client(s) have been added.");
    }

    /** fillProtocolDefaults: the server mints missing credentials; flow is never generated. */
    private static void fillCredentials(ObjectNode inbound, ObjectNode client) {
        String protocol = inbound.path("protocol").asString();
        if ((protocol.equals("vless") || protocol.equals("vmess")) && client.path("id").asString("").isEmpty()) {
            client.put("id", UUID.randomUUID().toString());
        }
        if (protocol.equals("trojan") && client.path("password").asString("").isEmpty()) {
            client.put("password", UUID.randomUUID().toString().replace("-", ""));
        }
    }

    private ResponseDefinition update(String email, String body) {
        Optional<Found> found = find(email);
        if (found.isEmpty()) {
            return fail(wrong("record not found"));
        }
        JsonNode sent = FakeXuiPanel.JSON.readTree(body);
        for (ObjectNode inbound : inbounds.values()) {
            ArrayNode clients = (ArrayNode) inbound.path("settings").path("clients");
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).path("email").asString().equals(email)) {
                    ObjectNode next = (ObjectNode) sent.deepCopy();
                    // v3.3.1+: omitted credentials keep the stored ones; omitted enable/limits become false/0
                    for (String kept : List.of("id", "password")) {
                        if (next.path(kept).asString("").isEmpty() && clients.get(i).has(kept)) {
                            next.set(kept, clients.get(i).get(kept));
                        }
                    }
                    next.put("enable", sent.path("enable").asBoolean(false));
                    clients.set(i, next);
                }
            }
        }
        return okMessage("Inbound client has been updated.");
    }

    private ResponseDefinition del(String email) {
        if (find(email).isEmpty()) {
            return fail(release.version().equals("3.1.0") ? wrong("record not found")
                    : wrong("client \"" + email + "\" not found in any inbound or client record\n"));
        }
        for (ObjectNode inbound : inbounds.values()) {
            ArrayNode clients = (ArrayNode) inbound.path("settings").path("clients");
            for (int i = clients.size() - 1; i >= 0; i--) {
                if (clients.get(i).path("email").asString().equals(email)) {
                    clients.remove(i);
                }
            }
        }
        traffic.remove(email);
        return okMessage("Inbound client has been deleted.");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private record Found(int inboundId, JsonNode client) {
    }

    private Optional<Found> find(String email) {
        for (ObjectNode inbound : inbounds.values()) {
            for (JsonNode c : inbound.path("settings").path("clients")) {
                if (c.path("email").asString().equals(email)) {
                    return Optional.of(new Found(inbound.path("id").asInt(), c));
                }
            }
        }
        return Optional.empty();
    }

    /** Emails are unique across inbounds, compared without case (web/service/inbound.go checkEmailsExistForClients). */
    private boolean emailTaken(String email, String except) {
        for (ObjectNode inbound : inbounds.values()) {
            for (JsonNode c : inbound.path("settings").path("clients")) {
                String other = c.path("email").asString();
                if (other.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)) && !other.equals(except)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The client's key by protocol: trojan password, shadowsocks email, else id. */
    private static String primaryId(JsonNode inbound, JsonNode client) {
        return switch (inbound.path("protocol").asString()) {
            case "trojan" -> client.path("password").asString("");
            case "shadowsocks" -> client.path("email").asString("");
            default -> client.path("id").asString("");
        };
    }

    private ObjectNode inbound(String id) {
        try {
            return inbounds.get(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String wrong(String error) {
        return release.oldMessages() ? "Something went wrong! Failed: " + error : "Something went wrong (" + error + ")";
    }

    private boolean atLeast(String version) {
        String[] have = release.version().split("\\.");
        String[] want = version.split("\\.");
        for (int i = 0; i < 3; i++) {
            int h = Integer.parseInt(have[i]);
            int w = Integer.parseInt(want[i]);
            if (h != w) {
                return h > w;
            }
        }
        return true;
    }

    ResponseDefinition notFound() {
        return release.textNotFound()
                ? new ResponseDefinitionBuilder().withStatus(404).withHeader("Content-Type", "text/plain")
                        .withBody("404 page not found").build()
                : FakeXuiPanel.empty(404);
    }

    static String envelope(boolean success, String msg, JsonNode obj) {
        ObjectNode body = FakeXuiPanel.JSON.createObjectNode();
        body.put("success", success);
        body.put("msg", msg);
        body.set("obj", obj);
        return FakeXuiPanel.JSON.writeValueAsString(body);
    }

    static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).build();
    }

    private static ResponseDefinition ok(JsonNode obj) {
        return json(200, envelope(true, "", obj));
    }

    private static ResponseDefinition okMessage(String msg) {
        return json(200, envelope(true, msg, null));
    }

    private static ResponseDefinition fail(String msg) {
        return json(200, envelope(false, msg, null));
    }

    /** Every client on every inbound, for tests that look at the panel's state as a whole. */
    public synchronized List<String> emails() {
        List<String> emails = new ArrayList<>();
        inbounds.values().forEach(i -> i.path("settings").path("clients")
                .forEach(c -> emails.add(c.path("email").asString())));
        return emails;
    }
}
