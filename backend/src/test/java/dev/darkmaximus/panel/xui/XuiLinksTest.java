package dev.darkmaximus.panel.xui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our links against the links 3x-ui v3.6.0 itself answers on {@code GET /panel/api/clients/links/{email}} for the same
 * inbound and client ({@code internal/sub/service.go} genVlessLink/genVmessLink/genTrojanLink/genShadowsocksLink at
 * tag v3.6.0). The expected strings were traced through that code (panel reached as vpn.example.com, no external
 * proxy, the display remark "{inbound remark}-{email}"), with the repository's own vectors
 * ({@code internal/sub/characterization_test.go}, {@code service_sharelink_test.go}) as the check on the tracing.
 * Query order, escaping, the derived spiderX and the VMess JSON are compared byte for byte.
 */
class XuiLinksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REALITY_1 = """
            "realitySettings":{"show":false,"xver":0,"target":"www.microsoft.com:443","serverNames":["www.microsoft.com"],
             "privateKey":"yBaw532IIUNuQWDTncozoBaLJmcd1JZzvsHUgVPxMk8","shortIds":["6ba85179e30d4fc2"],
             "settings":{"publicKey":"Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw","fingerprint":"chrome","serverName":"",
             "spiderX":"/","mldsa65Verify":""}}""";
    private static final String TLS = """
            "tlsSettings":{"serverName":"%s","minVersion":"1.2","maxVersion":"1.3","alpn":%s,
             "settings":{"fingerprint":"chrome","echConfigList":"","pinnedPeerCertSha256":[],"verifyPeerCertByName":""}}""";

    static Stream<Arguments> panelLinks() {
        return Stream.of(
                Arguments.of("VLESS TCP Reality Vision", "vless", 443, "DE-Reality",
                        "{\"clients\":[{\"id\":\"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d\",\"email\":\"alice\",\"flow\":\"xtls-rprx-vision\",\"subId\":\"alicesub0001\"}],\"decryption\":\"none\",\"encryption\":\"none\"}",
                        "{\"network\":\"tcp\",\"security\":\"reality\",\"externalProxy\":[],\"tcpSettings\":{\"header\":{\"type\":\"none\"}}," + REALITY_1 + "}",
                        "vless://9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d@vpn.example.com:443?encryption=none&flow=xtls-rprx-vision&fp=chrome&pbk=Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw&security=reality&sid=6ba85179e30d4fc2&sni=www.microsoft.com&spx=%2Fe0704271424a046&type=tcp#DE-Reality-alice"),
                Arguments.of("VLESS WS TLS", "vless", 8443, "VLESS-WS",
                        "{\"clients\":[{\"id\":\"1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9\",\"email\":\"bob\",\"flow\":\"\",\"subId\":\"bobsub000001\"}],\"decryption\":\"none\",\"encryption\":\"none\"}",
                        "{\"network\":\"ws\",\"security\":\"tls\",\"externalProxy\":[],\"wsSettings\":{\"path\":\"/vlws\",\"host\":\"\",\"headers\":{}}," + TLS.formatted("vpn.example.com", "[\"http/1.1\"]") + "}",
                        "vless://1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9@vpn.example.com:8443?alpn=http%2F1.1&encryption=none&fp=chrome&host=&path=%2Fvlws&security=tls&sni=vpn.example.com&type=ws#VLESS-WS-bob"),
                Arguments.of("VLESS gRPC Reality", "vless", 2096, "VLESS-gRPC-R",
                        "{\"clients\":[{\"id\":\"3c1a7e52-8f1b-4c2e-9d3a-6b5e4f3a2c1d\",\"email\":\"carol\",\"flow\":\"\",\"subId\":\"carolsub0001\"}],\"decryption\":\"none\",\"encryption\":\"none\"}",
                        "{\"network\":\"grpc\",\"security\":\"reality\",\"externalProxy\":[],\"grpcSettings\":{\"serviceName\":\"grpc-svc\",\"authority\":\"\",\"multiMode\":false},\"realitySettings\":{\"serverNames\":[\"dl.google.com\"],\"shortIds\":[\"a1b2\"],\"settings\":{\"publicKey\":\"qO5l4wJt8dM2vR7xY1zA3cB6eF9gH0iJ2kL4mN6oP8Q\",\"fingerprint\":\"chrome\",\"serverName\":\"\",\"spiderX\":\"/\",\"mldsa65Verify\":\"\"}}}",
                        "vless://3c1a7e52-8f1b-4c2e-9d3a-6b5e4f3a2c1d@vpn.example.com:2096?authority=&encryption=none&fp=chrome&pbk=qO5l4wJt8dM2vR7xY1zA3cB6eF9gH0iJ2kL4mN6oP8Q&security=reality&serviceName=grpc-svc&sid=a1b2&sni=dl.google.com&spx=%2F1e7b566d0b64a9f&type=grpc#VLESS-gRPC-R-carol"),
                Arguments.of("VLESS XHTTP Reality", "vless", 8880, "VLESS-XHTTP",
                        "{\"clients\":[{\"id\":\"7d9f1b2c-3e4a-4b5c-8d6e-0f1a2b3c4d5e\",\"email\":\"dave\",\"flow\":\"\",\"subId\":\"davesub00001\"}],\"decryption\":\"none\",\"encryption\":\"none\"}",
                        "{\"network\":\"xhttp\",\"security\":\"reality\",\"externalProxy\":[],\"xhttpSettings\":{\"path\":\"/xh\",\"host\":\"\",\"mode\":\"auto\",\"xPaddingBytes\":\"100-1000\",\"scMaxBufferedPosts\":30,\"scStreamUpServerSecs\":\"20-80\"},\"realitySettings\":{\"serverNames\":[\"www.apple.com\"],\"shortIds\":[\"0f1e2d3c\"],\"settings\":{\"publicKey\":\"Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw\",\"fingerprint\":\"chrome\",\"serverName\":\"\",\"spiderX\":\"/\",\"mldsa65Verify\":\"\"}}}",
                        "vless://7d9f1b2c-3e4a-4b5c-8d6e-0f1a2b3c4d5e@vpn.example.com:8880?encryption=none&extra=%7B%22mode%22%3A%22auto%22%2C%22xPaddingBytes%22%3A%22100-1000%22%7D&fp=chrome&host=&mode=auto&path=%2Fxh&pbk=Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw&security=reality&sid=0f1e2d3c&sni=www.apple.com&spx=%2F83197059f8c4d9f&type=xhttp&x_padding_bytes=100-1000#VLESS-XHTTP-dave"),
                Arguments.of("VMess WS TLS", "vmess", 2083, "VMess-WS",
                        "{\"clients\":[{\"id\":\"b831381d-6324-4d53-ad4f-8cda48b30811\",\"security\":\"auto\",\"alterId\":0,\"email\":\"erin\",\"subId\":\"erinsub00001\"}]}",
                        "{\"network\":\"ws\",\"security\":\"tls\",\"externalProxy\":[],\"wsSettings\":{\"path\":\"/vmws\",\"host\":\"cdn.example.com\",\"headers\":{}}," + TLS.formatted("cdn.example.com", "[\"http/1.1\"]") + "}",
                        "vmess://ewogICJhZGQiOiAidnBuLmV4YW1wbGUuY29tIiwKICAiYWxwbiI6ICJodHRwLzEuMSIsCiAgImZwIjogImNocm9tZSIsCiAgImhvc3QiOiAiY2RuLmV4YW1wbGUuY29tIiwKICAiaWQiOiAiYjgzMTM4MWQtNjMyNC00ZDUzLWFkNGYtOGNkYTQ4YjMwODExIiwKICAibmV0IjogIndzIiwKICAicGF0aCI6ICIvdm13cyIsCiAgInBvcnQiOiAyMDgzLAogICJwcyI6ICJWTWVzcy1XUy1lcmluIiwKICAic2N5IjogImF1dG8iLAogICJzbmkiOiAiY2RuLmV4YW1wbGUuY29tIiwKICAidGxzIjogInRscyIsCiAgInR5cGUiOiAibm9uZSIsCiAgInYiOiAiMiIKfQ=="),
                Arguments.of("VMess TCP", "vmess", 10086, "VMess-TCP",
                        "{\"clients\":[{\"id\":\"0e7a5c4b-2d1f-4e3a-9b8c-7d6e5f4a3b2c\",\"security\":\"auto\",\"alterId\":0,\"email\":\"frank\",\"subId\":\"franksub0001\"}]}",
                        "{\"network\":\"tcp\",\"security\":\"none\",\"externalProxy\":[],\"tcpSettings\":{\"acceptProxyProtocol\":false,\"header\":{\"type\":\"none\"}}}",
                        "vmess://ewogICJhZGQiOiAidnBuLmV4YW1wbGUuY29tIiwKICAiaWQiOiAiMGU3YTVjNGItMmQxZi00ZTNhLTliOGMtN2Q2ZTVmNGEzYjJjIiwKICAibmV0IjogInRjcCIsCiAgInBvcnQiOiAxMDA4NiwKICAicHMiOiAiVk1lc3MtVENQLWZyYW5rIiwKICAic2N5IjogImF1dG8iLAogICJ0bHMiOiAibm9uZSIsCiAgInR5cGUiOiAibm9uZSIsCiAgInYiOiAiMiIKfQ=="),
                Arguments.of("Trojan TCP TLS", "trojan", 2053, "Trojan-TLS",
                        "{\"clients\":[{\"password\":\"p4ss+w/rd=\",\"email\":\"grace@example.com\",\"subId\":\"gracesub0001\"}],\"fallbacks\":[]}",
                        "{\"network\":\"tcp\",\"security\":\"tls\",\"externalProxy\":[],\"tcpSettings\":{\"header\":{\"type\":\"none\"}}," + TLS.formatted("vpn.example.com", "[\"h2\",\"http/1.1\"]") + "}",
                        "trojan://p4ss%2Bw%2Frd%3D@vpn.example.com:2053?alpn=h2%2Chttp%2F1.1&fp=chrome&security=tls&sni=vpn.example.com&type=tcp#Trojan-TLS-grace%40example.com"),
                Arguments.of("Trojan gRPC TLS", "trojan", 2087, "Trojan-gRPC",
                        "{\"clients\":[{\"password\":\"kH3mQ9xZ2v\",\"email\":\"heidi\",\"subId\":\"heidisub0001\"}],\"fallbacks\":[]}",
                        "{\"network\":\"grpc\",\"security\":\"tls\",\"externalProxy\":[],\"grpcSettings\":{\"serviceName\":\"trgrpc\",\"authority\":\"\",\"multiMode\":true}," + TLS.formatted("vpn.example.com", "[\"h2\"]") + "}",
                        "trojan://kH3mQ9xZ2v@vpn.example.com:2087?alpn=h2&authority=&fp=chrome&mode=multi&security=tls&serviceName=trgrpc&sni=vpn.example.com&type=grpc#Trojan-gRPC-heidi"),
                Arguments.of("Shadowsocks 2022", "shadowsocks", 34567, "SS2022",
                        "{\"method\":\"2022-blake3-aes-256-gcm\",\"password\":\"Y7zQp+lMFG7BpM0P1Shbq96DN98MU8NRiuWea/aHGBQ=\",\"network\":\"tcp,udp\",\"clients\":[{\"method\":\"\",\"password\":\"879Km4hfG0wxIdeZ50nJPXulqSq03yvxm5dIHCg6S3s=\",\"email\":\"ivan\",\"subId\":\"ivansub00001\"}]}",
                        "{\"network\":\"tcp\",\"security\":\"none\",\"externalProxy\":[],\"tcpSettings\":{\"header\":{\"type\":\"none\"}}}",
                        "ss://2022-blake3-aes-256-gcm:Y7zQp%2BlMFG7BpM0P1Shbq96DN98MU8NRiuWea%2FaHGBQ%3D:879Km4hfG0wxIdeZ50nJPXulqSq03yvxm5dIHCg6S3s%3D@vpn.example.com:34567?type=tcp#SS2022-ivan"),
                Arguments.of("Shadowsocks AEAD", "shadowsocks", 34568, "SS-AEAD",
                        "{\"method\":\"aes-256-gcm\",\"password\":\"\",\"network\":\"tcp,udp\",\"clients\":[{\"method\":\"aes-256-gcm\",\"password\":\"Xs9fL2kPq7RtV4bN\",\"email\":\"judy\",\"subId\":\"judysub00001\"}]}",
                        "{\"network\":\"tcp\",\"security\":\"none\",\"externalProxy\":[],\"tcpSettings\":{\"header\":{\"type\":\"none\"}}}",
                        "ss://YWVzLTI1Ni1nY206WHM5Zkwya1BxN1J0VjRiTg@vpn.example.com:34568?type=tcp#SS-AEAD-judy"),
                Arguments.of("VLESS TCP HTTP header", "vless", 8080, "VLESS-HTTPOBFS",
                        "{\"clients\":[{\"id\":\"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\",\"email\":\"kate\",\"flow\":\"\",\"subId\":\"katesub00001\"}],\"decryption\":\"none\",\"encryption\":\"none\"}",
                        "{\"network\":\"tcp\",\"security\":\"none\",\"externalProxy\":[],\"tcpSettings\":{\"header\":{\"type\":\"http\",\"request\":{\"version\":\"1.1\",\"method\":\"GET\",\"path\":[\"/\",\"/video\"],\"headers\":{\"Host\":[\"www.bing.com\",\"bing.com\"]}},\"response\":{\"version\":\"1.1\",\"status\":\"200\",\"reason\":\"OK\",\"headers\":{}}}}}",
                        "vless://5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d@vpn.example.com:8080?encryption=none&headerType=http&host=www.bing.com&path=%2F&security=none&type=tcp#VLESS-HTTPOBFS-kate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panelLinks")
    void ourLinkIsTheOneThePanelGivesForTheSameInboundAndClient(String name, String protocol, int port, String remark,
                                                               String settings, String stream, String panelLink) {
        XuiInbound inbound = inbound(protocol, port, remark, settings, stream);
        JsonNode client = inbound.settings().path("clients").path(0);
        XuiCredentials credentials = new XuiCredentials(client.path("id").asString(""),
                client.path("password").asString(""), client.path("flow").asString(""),
                client.path("subId").asString(""), client.path("email").asString());

        String ours = XuiLinks.link(JSON, "vpn.example.com", inbound, credentials,
                remark + "-" + credentials.email()).orElseThrow();

        assertThat(ours).isEqualTo(panelLink);
    }

    @Test
    void theDerivedSpiderXIsThePanels() {
        // v3.6.0 internal/sub/service_sharelink_test.go: deriveSpiderX("/", key) is stable per client
        XuiCredentials alice = new XuiCredentials("", "", "", "alicesub0001", "alice");
        assertThat(XuiLinks.spiderX("/", alice)).isEqualTo("/e0704271424a046");
        assertThat(XuiLinks.spiderX("/", new XuiCredentials("", "", "", "", "alice")))
                .isNotEqualTo("/e0704271424a046").hasSize(16);
    }

    @Test
    void protocolsWithoutClientsHaveNoLinkAndAnExternalProxyIsWhereCustomersConnect() {
        XuiInbound socks = inbound("mixed", 1080, "m", "{\"accounts\":[]}", "{}");
        assertThat(XuiLinks.link(JSON, "h", socks, new XuiCredentials("", "", "", "", "e"), "r")).isEmpty();

        XuiInbound proxied = inbound("vless", 443, "r",
                "{\"clients\":[],\"decryption\":\"none\",\"encryption\":\"none\"}",
                "{\"network\":\"ws\",\"security\":\"none\",\"wsSettings\":{\"path\":\"/w\",\"host\":\"\"},"
                        + "\"externalProxy\":[{\"forceTls\":\"tls\",\"dest\":\"cdn.example.org\",\"port\":8443,\"remark\":\"\"}]}");
        String link = XuiLinks.link(JSON, "vpn.example.com", proxied,
                new XuiCredentials("0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10", "", "", "s", "e"), "r").orElseThrow();
        assertThat(link).startsWith("vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@cdn.example.org:8443?")
                .contains("security=tls");
    }

    @Test
    void aV2PanelsSubscriptionLinkDiffersOnlyInHowShadowsocksIsEncoded() {
        // v2.9.4 sub/subService.go: StdEncoding with padding of "method:password"; same method and password
        String v2 = "ss://YWVzLTI1Ni1nY206WHM5Zkwya1BxN1J0VjRiTg==@vpn.example.com:34568?type=tcp#SS-AEAD-judy";
        String userInfo = v2.substring("ss://".length(), v2.indexOf('@'));
        assertThat(new String(Base64.getDecoder().decode(userInfo), StandardCharsets.UTF_8))
                .isEqualTo("aes-256-gcm:Xs9fL2kPq7RtV4bN");
        XuiInbound inbound = inbound("shadowsocks", 34568, "SS-AEAD", "{\"method\":\"aes-256-gcm\",\"clients\":[]}",
                "{\"network\":\"tcp\",\"security\":\"none\"}");
        String ours = XuiLinks.link(JSON, "vpn.example.com", inbound,
                new XuiCredentials("", "Xs9fL2kPq7RtV4bN", "", "", "judy"), "SS-AEAD-judy").orElseThrow();
        String ourInfo = ours.substring("ss://".length(), ours.indexOf('@'));
        assertThat(new String(Base64.getUrlDecoder().decode(ourInfo), StandardCharsets.UTF_8))
                .isEqualTo("aes-256-gcm:Xs9fL2kPq7RtV4bN");
        assertThat(ours.substring(ours.indexOf('@'))).isEqualTo(v2.substring(v2.indexOf('@')));
    }

    private static XuiInbound inbound(String protocol, int port, String remark, String settings, String stream) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", 1);
        node.put("protocol", protocol);
        node.put("port", port);
        node.put("listen", "");
        node.put("remark", remark);
        node.set("settings", JSON.readTree(settings));
        node.set("streamSettings", JSON.readTree(stream));
        return XuiInbound.from(JSON, node);
    }
}
