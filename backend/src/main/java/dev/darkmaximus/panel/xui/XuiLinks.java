package dev.darkmaximus.panel.xui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Share links as 3x-ui's own Go code builds them for {@code GET /panel/api/clients/links/{email}} at v3.6.0
 * ({@code internal/sub/service.go}: genVlessLink, genVmessLink, genTrojanLink, genShadowsocksLink and the
 * applyShare* helpers), so a v2 host, which has no link API, hands out the same link a v3 panel would. Parameters are
 * sorted by name and escaped like Go's {@code url.Values.Encode}; where the panel picks a random
 * {@code serverNames}/{@code shortIds} entry we take the first, which the panel may also pick.
 */
final class XuiLinks {

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private XuiLinks() {
    }

    /** @param panelHost the host name in the panel's URL: where customers connect unless the inbound names another */
    static Optional<String> link(JsonMapper json, String panelHost, XuiInbound inbound, XuiCredentials client,
                                 String remark) {
        String protocol = inbound.protocol();
        JsonNode settings = inbound.settings();
        JsonNode stream = inbound.stream();
        Endpoint endpoint = endpoint(panelHost, inbound, stream);
        String fragment = "#" + escape(remark);
        return switch (protocol) {
            case "vless" -> {
                Map<String, String> query = new TreeMap<>();
                query.put("type", network(stream));
                if (settings.path("encryption").isString()) {
                    query.put("encryption", settings.path("encryption").asString());
                }
                transport(stream, query);
                security(stream, endpoint, client, query);
                if (!client.flow().isEmpty() && vlessFlowAllowed(settings, stream)) {
                    query.put("flow", client.flow());
                }
                yield Optional.of("vless://" + client.id() + "@" + endpoint.authority() + "?" + encode(query)
                        + fragment);
            }
            case "trojan" -> {
                Map<String, String> query = new TreeMap<>();
                query.put("type", network(stream));
                transport(stream, query);
                security(stream, endpoint, client, query);
                if (!client.flow().isEmpty() && "reality".equals(endpoint.security()) && "tcp".equals(network(stream))) {
                    query.put("flow", client.flow());
                }
                yield Optional.of("trojan://" + escape(client.password()) + "@" + endpoint.authority() + "?"
                        + encode(query) + fragment);
            }
            case "shadowsocks" -> Optional.of(shadowsocks(settings, stream, endpoint, client) + fragment);
            case "vmess" -> Optional.of("vmess://" + vmess(json, stream, endpoint, client, remark));
            default -> Optional.empty();
        };
    }

    /** The panel's host name: where customers connect unless the inbound listens on a routable address. */
    static String address(String baseUrl) {
        return URI.create(baseUrl).getHost();
    }

    /**
     * The flow a new client of this inbound needs: the one its clients already use (an operator who runs Vision has
     * it on every client), or Vision on an empty TCP + Reality inbound, as the panel's own form suggests.
     */
    static String flow(String protocol, JsonNode settings, JsonNode stream) {
        if (!"vless".equals(protocol)) {
            return "";
        }
        JsonNode clients = settings.path("clients");
        for (JsonNode client : clients) {
            String existing = client.path("flow").asString("");
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        return clients.isEmpty() && "tcp".equals(network(stream))
                && "reality".equals(stream.path("security").asString("none")) ? "xtls-rprx-vision" : "";
    }

    /** service.go vlessFlowAllowed: TCP with TLS/Reality, or XHTTP with VLESS encryption switched on. */
    private static boolean vlessFlowAllowed(JsonNode settings, JsonNode stream) {
        String security = stream.path("security").asString("none");
        String network = network(stream);
        if ("tcp".equals(network)) {
            return "tls".equals(security) || "reality".equals(security);
        }
        String encryption = settings.path("encryption").asString(settings.path("decryption").asString(""));
        return "xhttp".equals(network) && !encryption.isEmpty() && !"none".equals(encryption);
    }

    private static String network(JsonNode stream) {
        return stream.path("network").asString("tcp");
    }

    /** applyShareNetworkParams: the transport's own parameters. */
    private static void transport(JsonNode stream, Map<String, String> query) {
        switch (network(stream)) {
            case "tcp" -> {
                JsonNode header = stream.path("tcpSettings").path("header");
                if ("http".equals(header.path("type").asString(""))) {
                    query.put("headerType", "http");
                    query.put("path", header.path("request").path("path").path(0).asString(""));
                    query.put("host", httpHeaderHost(header));
                }
            }
            case "ws" -> hostAndPath(stream.path("wsSettings"), query);
            case "httpupgrade" -> hostAndPath(stream.path("httpupgradeSettings"), query);
            case "grpc" -> {
                JsonNode grpc = stream.path("grpcSettings");
                query.put("serviceName", grpc.path("serviceName").asString(""));
                query.put("authority", grpc.path("authority").asString(""));
                if (grpc.path("multiMode").asBoolean(false)) {
                    query.put("mode", "multi");
                }
            }
            case "xhttp" -> {
                JsonNode xhttp = stream.path("xhttpSettings");
                hostAndPath(xhttp, query);
                if (xhttp.path("mode").isString()) {
                    query.put("mode", xhttp.path("mode").asString());
                }
                String padding = xhttp.path("xPaddingBytes").asString("");
                Map<String, String> extra = new TreeMap<>();
                if (!xhttp.path("mode").asString("").isEmpty()) {
                    extra.put("mode", xhttp.path("mode").asString());
                }
                if (!padding.isEmpty()) {
                    query.put("x_padding_bytes", padding);
                    extra.put("xPaddingBytes", padding);
                }
                if (!extra.isEmpty()) {
                    query.put("extra", COMPACT.writeValueAsString(extra));
                }
            }
            default -> {
                // kcp and others: no parameters the shop's supported inbounds use
            }
        }
    }

    private static void hostAndPath(JsonNode settings, Map<String, String> query) {
        query.put("path", settings.path("path").asString(""));
        String host = settings.path("host").asString("");
        query.put("host", host.isEmpty() ? settings.path("headers").path("Host").asString("") : host);
    }

    /** searchHost: the Host of the response headers first, then of the request headers. */
    private static String httpHeaderHost(JsonNode header) {
        for (String side : new String[] {"response", "request"}) {
            for (var field : header.path(side).path("headers").properties()) {
                if ("host".equalsIgnoreCase(field.getKey())) {
                    JsonNode value = field.getValue();
                    return value.isArray() ? value.path(0).asString("") : value.asString("");
                }
            }
        }
        return "";
    }

    /** applyShareTLSParams / applyShareRealityParams, after an external proxy's forceTls. */
    private static void security(JsonNode stream, Endpoint endpoint, XuiCredentials client, Map<String, String> query) {
        String security = endpoint.security();
        query.put("security", security);
        if ("tls".equals(security)) {
            JsonNode tls = stream.path("tlsSettings");
            JsonNode alpn = tls.path("alpn");
            if (alpn.isArray() && !alpn.isEmpty()) {
                StringJoiner values = new StringJoiner(",");
                alpn.forEach(a -> values.add(a.asString()));
                query.put("alpn", values.toString());
            }
            if (tls.has("serverName")) {
                query.put("sni", tls.path("serverName").asString(""));
            }
            if (tls.path("settings").has("fingerprint")) {
                query.put("fp", tls.path("settings").path("fingerprint").asString(""));
            }
        } else if ("reality".equals(security)) {
            JsonNode reality = stream.path("realitySettings");
            JsonNode settings = reality.path("settings");
            if (reality.path("serverNames").isArray() && !reality.path("serverNames").isEmpty()) {
                query.put("sni", reality.path("serverNames").path(0).asString(""));
            }
            if (settings.has("publicKey")) {
                query.put("pbk", settings.path("publicKey").asString(""));
            }
            if (reality.path("shortIds").isArray() && !reality.path("shortIds").isEmpty()) {
                query.put("sid", reality.path("shortIds").path(0).asString(""));
            }
            putIfNotEmpty(query, "fp", settings.path("fingerprint").asString(""));
            putIfNotEmpty(query, "pqv", settings.path("mldsa65Verify").asString(""));
            query.put("spx", spiderX(settings.path("spiderX").asString(""), client));
        }
        if (endpoint.stripTls()) {
            query.remove("alpn");
            query.remove("sni");
            query.remove("fp");
        }
    }

    /** service.go deriveSpiderX: "/" + the first 15 hex digits of sha256(spiderX + "|" + (subId or email)). */
    static String spiderX(String seed, XuiCredentials client) {
        String clientKey = client.subId().isEmpty() ? client.email() : client.subId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + clientKey).getBytes(StandardCharsets.UTF_8));
            return "/" + HexFormat.of().formatHex(digest).substring(0, 15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** genShadowsocksLink: SIP002 userinfo; 2022 methods carry the server key first, then the client's. */
    private static String shadowsocks(JsonNode settings, JsonNode stream, Endpoint endpoint, XuiCredentials client) {
        String method = settings.path("method").asString("");
        Map<String, String> query = new TreeMap<>();
        query.put("type", network(stream));
        transport(stream, query);
        if ("http".equals(query.get("headerType"))) {
            String host = query.getOrDefault("host", "");
            query.remove("type");
            query.remove("headerType");
            query.remove("host");
            query.remove("path");
            query.put("plugin", "obfs-local;obfs=http;obfs-host=" + host);
        }
        if ("tls".equals(endpoint.security())) {
            security(stream, endpoint, client, query);
        }
        String userInfo = method.startsWith("2022")
                ? escape(method) + ":" + escape(settings.path("password").asString("")) + ":" + escape(client.password())
                : Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (method + ":" + client.password()).getBytes(StandardCharsets.UTF_8));
        String encoded = encode(query);
        return "ss://" + userInfo + "@" + endpoint.authority() + (encoded.isEmpty() ? "" : "?" + encoded);
    }

    /** genVmessLink: a JSON object with sorted keys and two-space indent, standard base64 with padding. */
    private static String vmess(JsonMapper json, JsonNode stream, Endpoint endpoint, XuiCredentials client,
                                String remark) {
        Map<String, String> transport = new TreeMap<>();
        transport(stream, transport);
        ObjectNode config = json.createObjectNode();
        config.put("add", endpoint.host());
        String network = network(stream);
        config.put("id", client.id());
        config.put("net", network);
        config.put("port", endpoint.port());
        config.put("ps", remark);
        config.put("scy", "auto");
        config.put("v", "2");
        switch (network) {
            case "tcp" -> {
                JsonNode header = stream.path("tcpSettings").path("header");
                config.put("type", header.path("type").asString(""));
                if ("http".equals(header.path("type").asString(""))) {
                    config.put("path", transport.get("path"));
                    config.put("host", transport.get("host"));
                }
            }
            case "grpc" -> {
                config.put("type", "none");
                config.put("path", transport.get("serviceName"));
                config.put("authority", transport.get("authority"));
                if ("multi".equals(transport.get("mode"))) {
                    config.put("type", "multi");
                }
            }
            default -> {
                config.put("type", "none");
                config.put("path", transport.getOrDefault("path", ""));
                config.put("host", transport.getOrDefault("host", ""));
                if (transport.containsKey("mode")) {
                    config.put("mode", transport.get("mode"));
                }
            }
        }
        config.put("tls", endpoint.security());
        if ("tls".equals(endpoint.security())) {
            Map<String, String> tls = new TreeMap<>();
            security(stream, endpoint, client, tls);
            tls.remove("security");
            tls.forEach(config::put);
        }
        return Base64.getEncoder().encodeToString(goIndented(json, config).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Go's {@code json.MarshalIndent(obj, "", "  ")} of a flat map: keys sorted, {@code "key": value}, and
     * {@code <>&} escaped as Go escapes HTML characters.
     */
    private static String goIndented(JsonMapper json, ObjectNode flat) {
        StringJoiner body = new StringJoiner(",\n", "{\n", "\n}");
        new TreeMap<>(json.convertValue(flat, Map.class)).forEach((key, value) -> body.add("  "
                + json.writeValueAsString(key) + ": " + json.writeValueAsString(value)
                        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")));
        return body.toString();
    }

    private static void putIfNotEmpty(Map<String, String> query, String name, String value) {
        if (!value.isEmpty()) {
            query.put(name, value);
        }
    }

    /** Go's url.Values.Encode: keys in byte order, QueryEscape on keys and values. */
    private static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((k, v) -> joined.add(queryEscape(k) + "=" + queryEscape(v)));
        return joined.toString();
    }

    /** Go's url.QueryEscape: like form encoding, a space is "+". */
    private static String queryEscape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    /** QueryEscape with "%20" for a space, as the panel escapes remarks and trojan passwords. */
    private static String escape(String value) {
        return queryEscape(value).replace("+", "%20");
    }

    /**
     * Where the link points: the inbound's first external proxy (dest, port, forceTls) when it has one, else its listen
     * address when that is reachable from outside, else the panel's host.
     */
    private static Endpoint endpoint(String panelHost, XuiInbound inbound, JsonNode stream) {
        String security = stream.path("security").asString("none");
        JsonNode proxy = stream.path("externalProxy").path(0);
        if (proxy.isObject() && !proxy.path("dest").asString("").isBlank()) {
            String force = proxy.path("forceTls").asString("same");
            String effective = "same".equals(force) ? security : force;
            return new Endpoint(proxy.path("dest").asString().strip(), proxy.path("port").asInt(inbound.port()),
                    effective, "none".equals(force));
        }
        String listen = inbound.listen().strip();
        boolean routable = !listen.isEmpty() && !listen.startsWith("@") && !listen.startsWith("/")
                && !listen.startsWith("127.") && !listen.equals("0.0.0.0") && !listen.equals("::")
                && !listen.equals("::0") && !listen.equals("::1") && !listen.equalsIgnoreCase("localhost");
        return new Endpoint(routable ? listen : panelHost, inbound.port(), security, false);
    }

    private record Endpoint(String host, int port, String security, boolean stripTls) {

        String authority() {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return (bare.contains(":") ? "[" + bare + "]" : bare) + ":" + port;
        }
    }
}
