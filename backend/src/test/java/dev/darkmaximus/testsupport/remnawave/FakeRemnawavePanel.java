package dev.darkmaximus.testsupport.remnawave;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Remnawave panel with state, answering as the given {@link RemnawaveRelease}. Built from remnawave/backend at the
 * release's tag: {@code src/modules/users/controllers/users.controller.ts} (routes, status codes),
 * {@code src/modules/users/models/get-full-user.response.model.ts} (the user answer, subscriptionUrl =
 * SUB_PUBLIC_DOMAIN/shortUuid), {@code src/common/exception/*.filter.ts} (refusals {timestamp, path, message,
 * errorCode}; an unknown route closes the socket), {@code src/common/middlewares/proxy-check.middleware.ts} (a call
 * without X-Forwarded-For and X-Forwarded-Proto: https closes the socket), {@code libs/contract}: the request
 * schemas (username {@code ^[a-zA-Z0-9_-]+$} 3–36, update refuses a past expireAt, list size 1 … 1000) and
 * {@code constants/errors} (A019 username taken, A025 user not found from updates, deletes and actions, A063 from a
 * lookup by username). Users past their expiry become EXPIRED and those over their limit LIMITED before each answer,
 * as the panel's jobs mark them; an update changes status as {@code users.service.ts} updateUser does (ACTIVE revives
 * any status, DISABLED only an ACTIVE user, a higher limit a LIMITED one, a new future expiry an EXPIRED one). Lists
 * come newest first ({@code users.repository.ts}: {@code orderBy('users.id', 'desc')}).
 */
public final class FakeRemnawavePanel {

    public static final String TOKEN = "rw-api-token";
    public static final String SUB_DOMAIN = "https://sub.example.net";
    public static final String SQUAD_EU = "0b5e2f0c-6d1a-4c7e-9f3b-2a8d4e6c1f70";
    public static final String SQUAD_US = "7c1d9e2a-3b4f-4a6e-8d2c-5f1a9b3e7d40";
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9_-]{3,36}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final RemnawaveRelease release;
    private final WireMockServer server;
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, String> squads = new LinkedHashMap<>();
    private long nextId = 1;
    private boolean requireProxyHeaders = true;
    private boolean down;
    private Runnable afterNextPage;

    public FakeRemnawavePanel(RemnawaveRelease release) {
        this.release = release;
        this.server = new WireMockServer(options().dynamicPort().extensions(new Answering()));
        squads.put(SQUAD_EU, "Europe");
        squads.put(SQUAD_US, "USA");
    }

    public FakeRemnawavePanel start() {
        server.start();
        // Only this catch-all stub is answered by the fake; a test's own stub for a route wins.
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(ok().withTransformers("fake-remnawave")));
        return this;
    }

    public void stop() {
        server.stop();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public RemnawaveRelease release() {
        return release;
    }

    /** Off: the panel runs in development mode, or behind a proxy that adds the headers. */
    public synchronized void requireProxyHeaders(boolean required) {
        this.requireProxyHeaders = required;
    }

    public synchronized void down(boolean down) {
        this.down = down;
    }

    /** The user as the panel would answer for it, if it exists. */
    public synchronized Optional<JsonNode> user(String username) {
        runJobs();
        ObjectNode user = users.get(username);
        return user == null ? Optional.empty() : Optional.of(view(user));
    }

    public synchronized int userCount() {
        return users.size();
    }

    /** A user the operator made on the panel directly (an orphan for the shop). */
    public synchronized void addUser(String username, Instant expireAt) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("expireAt", expireAt.toString());
        users.put(username, create(body));
    }

    /** {@code count} users named {@code prefix0 …}, for paging. */
    public synchronized void addUsers(String prefix, int count, Instant expireAt) {
        for (int i = 0; i < count; i++) {
            addUser(prefix + i, expireAt);
        }
    }

    /** Traffic the nodes reported for the user. */
    public synchronized void usage(String username, long usedBytes, Instant onlineAt) {
        ObjectNode traffic = (ObjectNode) users.get(username).get("userTraffic");
        traffic.put("usedTrafficBytes", usedBytes).put("lifetimeUsedTrafficBytes", usedBytes)
                .put("onlineAt", iso(onlineAt)).put("firstConnectedAt", iso(onlineAt));
    }

    /** An operator's change on the panel itself. */
    public synchronized void setExpiry(String username, Instant expireAt) {
        users.get(username).put("expireAt", iso(expireAt));
    }

    /** Runs once, right after the next page of the user list is answered (someone changing users meanwhile). */
    public synchronized void afterNextPage(Runnable change) {
        this.afterNextPage = change;
    }

    /** The operator revoked the user's subscription on the panel: a new short id, so a new subscription address. */
    public synchronized void revokeSubscription(String username) {
        users.get(username).put("shortUuid", shortUuid()).put("subRevokedAt", iso(Instant.now()));
    }

    public synchronized void remove(String username) {
        users.remove(username);
    }

    /** How many requests reached the panel with this method and path (query included when given). */
    public int requests(String method, String pathPrefix) {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method)
                        && e.getRequest().getUrl().startsWith(pathPrefix))
                .count();
    }

    private final class Answering implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-remnawave";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return answer(event.getRequest());
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private synchronized ResponseDefinition answer(Request request) {
        if (down) {
            return closed();
        }
        if (requireProxyHeaders && (request.getHeader("X-Forwarded-For") == null
                || !"https".equals(request.getHeader("X-Forwarded-Proto")))) {
            return closed(); // proxy-check.middleware.ts: "Reverse proxy and HTTPS are required."
        }
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        String method = request.getMethod().getName();
        List<String> at = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                at.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        if (at.size() < 2 || !at.get(0).equals("api")) {
            return closed(); // not-found-exception.filter.ts destroys the socket
        }
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            return refusal(401, path, "Unauthorized", "E401"); // catch-all-exception-filter.ts
        }
        runJobs();
        String route = method + " " + String.join("/", at.subList(1, at.size()));
        if (route.equals("GET system/metadata")) {
            return json(200, JSON.createObjectNode().set("response", metadata()));
        }
        if (route.equals("GET internal-squads")) {
            return json(200, JSON.createObjectNode().set("response", squadList()));
        }
        if (!at.get(1).equals("users")) {
            return closed();
        }
        if (route.equals("POST users")) {
            return createUser(path, parse(request.getBodyAsString()));
        }
        if (route.equals("PATCH users")) {
            return updateUser(path, parse(request.getBodyAsString()));
        }
        if (route.equals("GET users")) {
            return listUsers(query);
        }
        if (at.size() == 4 && method.equals("GET") && at.get(2).equals("by-username")) {
            ObjectNode user = users.get(at.get(3));
            // getUserByUniqueFields: GET_USER_BY_UNIQUE_FIELDS_NOT_FOUND, not USER_NOT_FOUND
            return user == null ? refusal(404, path, "User with specified params not found", "A063")
                    : userAnswer(200, user);
        }
        ObjectNode user = at.size() >= 3 ? byHandle(at.get(2)) : null;
        if (at.size() == 3 && method.equals("DELETE")) {
            if (user == null) {
                return notFound(path);
            }
            users.remove(user.get("username").asString());
            return release.generation3() ? new ResponseDefinitionBuilder().withStatus(204).build()
                    : json(200, JSON.createObjectNode().set("response",
                            JSON.createObjectNode().put("isDeleted", true)));
        }
        if (at.size() == 5 && method.equals("POST") && at.get(3).equals("actions")) {
            if (user == null) {
                return notFound(path);
            }
            switch (at.get(4)) {
                case "disable" -> {
                    if ("DISABLED".equals(user.get("status").asString())) {
                        return refusal(400, path, "User already disabled", "A029");
                    }
                    user.put("status", "DISABLED");
                }
                case "enable" -> user.put("status", "ACTIVE");
                case "revoke" -> {
                    user.put("shortUuid", shortUuid());
                    user.put("subRevokedAt", iso(Instant.now()));
                }
                default -> {
                    return closed();
                }
            }
            return userAnswer(200, user);
        }
        return closed();
    }

    private ResponseDefinition createUser(String path, JsonNode body) {
        String username = body.path("username").asString("");
        if (!USERNAME.matcher(username).matches()) {
            return invalid("username", "Username can only contain letters, numbers, underscores and dashes");
        }
        if (parseInstant(body.path("expireAt")) == null) {
            return invalid("expireAt", "Invalid ISO datetime");
        }
        for (JsonNode squad : body.path("activeInternalSquads")) {
            if (!squads.containsKey(squad.asString(""))) {
                return refusal(500, path, "Create user with internal squad error", "A123");
            }
        }
        if (users.containsKey(username)) {
            return refusal(400, path, "User username already exists", "A019");
        }
        ObjectNode user = create(body);
        users.put(username, user);
        return userAnswer(201, user);
    }

    private ObjectNode create(JsonNode body) {
        ObjectNode user = JSON.createObjectNode();
        long id = nextId++;
        if (!release.generation3()) {
            user.put("uuid", UUID.randomUUID().toString());
        }
        user.put("id", id);
        user.put("shortUuid", shortUuid());
        user.put("username", body.path("username").asString());
        user.put("status", body.path("status").asString("ACTIVE"));
        user.put("trafficLimitBytes", body.path("trafficLimitBytes").asLong(0));
        user.put("trafficLimitStrategy", body.path("trafficLimitStrategy").asString("NO_RESET"));
        user.put("expireAt", iso(parseInstant(body.path("expireAt"))));
        user.set("telegramId", body.path("telegramId").isNumber() ? body.get("telegramId") : JSON.nullNode());
        user.putNull("email");
        user.set("description", body.path("description").isString() ? body.get("description") : JSON.nullNode());
        user.putNull("tag");
        user.set("hwidDeviceLimit", body.path("hwidDeviceLimit").isNumber() ? body.get("hwidDeviceLimit")
                : JSON.nullNode());
        user.putNull("externalSquadUuid");
        user.put("trojanPassword", UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        user.put("vlessUuid", body.path("vlessUuid").asString(UUID.randomUUID().toString()));
        user.put("ssPassword", UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        user.put("lastTriggeredThreshold", 0);
        user.putNull("subRevokedAt");
        user.putNull("lastTrafficResetAt");
        user.put("createdAt", iso(Instant.now()));
        user.put("updatedAt", iso(Instant.now()));
        user.set("squadIds", body.path("activeInternalSquads").isArray() ? body.get("activeInternalSquads")
                : JSON.createArrayNode());
        user.set("userTraffic", JSON.createObjectNode().put("usedTrafficBytes", 0).put("lifetimeUsedTrafficBytes", 0)
                .putNull("onlineAt").putNull("firstConnectedAt").putNull("lastConnectedNodeUuid"));
        return user;
    }

    /** update-user.command: by username, or by uuid (2.x) / id (3.x); status only ACTIVE or DISABLED. */
    private ResponseDefinition updateUser(String path, JsonNode body) {
        ObjectNode user = body.path("username").isString() ? users.get(body.get("username").asString())
                : byHandle(release.generation3() ? body.path("id").asString("") : body.path("uuid").asString(""));
        if (body.has("expireAt")) {
            Instant expireAt = parseInstant(body.get("expireAt"));
            if (expireAt == null || !expireAt.isAfter(Instant.now())) {
                return invalid("expireAt", "Expiration date cannot be in the past");
            }
        }
        if (body.has("status") && !List.of("ACTIVE", "DISABLED").contains(body.get("status").asString(""))) {
            return invalid("status", "Invalid option: expected one of \"ACTIVE\"|\"DISABLED\"");
        }
        if (user == null) {
            return notFound(path);
        }
        String was = user.get("status").asString();
        String status = body.path("status").asString(null);
        if (!"ACTIVE".equals(was) && "ACTIVE".equals(status)) {
            user.put("status", "ACTIVE");
        }
        if ("ACTIVE".equals(was) && "DISABLED".equals(status)) {
            user.put("status", "DISABLED");
        }
        if ("LIMITED".equals(was) && body.path("trafficLimitBytes").isNumber()
                && (body.get("trafficLimitBytes").asLong() > user.get("trafficLimitBytes").asLong()
                || body.get("trafficLimitBytes").asLong() == 0)) {
            user.put("status", "ACTIVE");
        }
        if ("EXPIRED".equals(was) && body.has("expireAt") && status == null
                && !parseInstant(body.get("expireAt")).equals(Instant.parse(user.get("expireAt").asString()))) {
            user.put("status", "ACTIVE"); // the new date is in the future: checked above
        }
        for (String field : List.of("trafficLimitBytes", "trafficLimitStrategy", "telegramId",
                "description", "hwidDeviceLimit")) {
            if (body.has(field)) {
                user.set(field, body.get(field));
            }
        }
        if (body.has("expireAt")) {
            user.put("expireAt", iso(parseInstant(body.get("expireAt"))));
        }
        if (body.has("activeInternalSquads")) {
            user.set("squadIds", body.get("activeInternalSquads"));
        }
        user.put("updatedAt", iso(Instant.now()));
        return userAnswer(200, user);
    }

    private ResponseDefinition listUsers(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        int start = Integer.parseInt(params.getOrDefault("start", "0"));
        int size = Integer.parseInt(params.getOrDefault("size", "25"));
        if (size < 1 || size > 1000) {
            return invalid("size", "Size (limit) must be less than 1000");
        }
        List<ObjectNode> all = new ArrayList<>(users.values());
        java.util.Collections.reverse(all); // newest first
        ArrayNode page = JSON.createArrayNode();
        for (int i = start; i < Math.min(all.size(), start + size); i++) {
            page.add(view(all.get(i)));
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("users", page);
        response.put("total", all.size());
        ResponseDefinition answer = json(200, JSON.createObjectNode().set("response", response));
        if (afterNextPage != null) {
            Runnable change = afterNextPage;
            afterNextPage = null;
            change.run();
        }
        return answer;
    }

    /** The user as GetFullUserResponseModel shows it: subscription address, squads with names, status by date. */
    private ObjectNode view(ObjectNode stored) {
        ObjectNode user = stored.deepCopy();
        user.remove("squadIds");
        ArrayNode active = user.putArray("activeInternalSquads");
        stored.path("squadIds").forEach(id -> active.add(JSON.createObjectNode().put("uuid", id.asString())
                .put("name", squads.getOrDefault(id.asString(), "?"))));
        user.put("subscriptionUrl", SUB_DOMAIN + "/" + stored.get("shortUuid").asString());
        return user;
    }

    /** What the panel's jobs do between calls: ACTIVE users past their date expire, over their limit are limited. */
    private void runJobs() {
        Instant now = Instant.now();
        for (ObjectNode user : users.values()) {
            if (!"ACTIVE".equals(user.get("status").asString())) {
                continue;
            }
            long limit = user.get("trafficLimitBytes").asLong();
            long used = user.get("userTraffic").get("usedTrafficBytes").asLong();
            if (!Instant.parse(user.get("expireAt").asString()).isAfter(now)) {
                user.put("status", "EXPIRED");
            } else if (limit > 0 && used >= limit) {
                user.put("status", "LIMITED");
            }
        }
    }

    private ObjectNode metadata() {
        ObjectNode metadata = JSON.createObjectNode().put("version", release.version());
        metadata.set("build", JSON.createObjectNode().put("time", "2026-09-20T10:00:00Z").put("number", "1"));
        ObjectNode git = metadata.putObject("git");
        git.set("backend", JSON.createObjectNode().put("commitSha", "347e6de1").put("branch", "main")
                .put("commitUrl", "https://github.com/remnawave/backend/commit/347e6de1"));
        git.set("frontend", JSON.createObjectNode().put("commitSha", "0").put("commitUrl", ""));
        return metadata;
    }

    private ObjectNode squadList() {
        ArrayNode list = JSON.createArrayNode();
        int position = 0;
        for (Map.Entry<String, String> squad : squads.entrySet()) {
            long members = users.values().stream().filter(u -> {
                for (JsonNode id : u.path("squadIds")) {
                    if (id.asString().equals(squad.getKey())) {
                        return true;
                    }
                }
                return false;
            }).count();
            ObjectNode s = list.addObject().put("uuid", squad.getKey()).put("viewPosition", position++)
                    .put("name", squad.getValue());
            if (release.generation3()) {
                s.putArray("tags");
            }
            s.putObject("info").put("membersCount", members).put("inboundsCount", 2);
            s.putArray("inbounds");
            s.put("createdAt", "2026-01-01T00:00:00.000Z").put("updatedAt", "2026-01-01T00:00:00.000Z");
        }
        ObjectNode response = JSON.createObjectNode().put("total", list.size());
        response.set("internalSquads", list);
        return response;
    }

    private ObjectNode byHandle(String handle) {
        for (ObjectNode user : users.values()) {
            String own = release.generation3() ? user.get("id").asString() : user.get("uuid").asString();
            if (own.equals(handle)) {
                return user;
            }
        }
        return null;
    }

    private ResponseDefinition userAnswer(int status, ObjectNode user) {
        return json(status, JSON.createObjectNode().set("response", view(user)));
    }

    private static ResponseDefinition notFound(String path) {
        return refusal(404, path, "User not found", "A025");
    }

    private static ResponseDefinition refusal(int status, String path, String message, String code) {
        return json(status, JSON.createObjectNode().put("timestamp", iso(Instant.now())).put("path", path)
                .put("message", message).put("errorCode", code));
    }

    /** nestjs-zod's ZodValidationException answer. */
    private static ResponseDefinition invalid(String field, String message) {
        ObjectNode body = JSON.createObjectNode().put("statusCode", 400).put("message", "Validation failed");
        body.putArray("errors").addObject().put("code", "custom").put("message", message).putArray("path").add(field);
        return json(400, body);
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build();
    }

    private static ResponseDefinition closed() {
        return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static Instant parseInstant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String shortUuid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** As JavaScript's Date.toISOString: always milliseconds, always Z. */
    private static String iso(Instant at) {
        return at == null ? null : ISO.format(at);
    }
}
