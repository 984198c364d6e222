package dev.darkmaximus.connect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyView;

/**
 * A key's public page, {@code /s/<subscriptionId>}: one URL for people and VPN apps (SPEC §8). A browser gets the
 * page; a VPN app gets the subscription itself — the key's links in base64 — with the headers apps read for usage,
 * expiry, the profile's name and how often to refresh. The id is the key's unguessable subscription id; requests are
 * rate-limited per address (RateLimitFilter). Not part of the REST contract: it is a page, not the API.
 */
@RestController
class SubscriptionPageController {

    /** The page holds no secrets beyond its own address; it runs no script and loads nothing from elsewhere. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final KeyQueries keys;
    private final ConnectOptions connect;
    private final SubscriptionPage page;
    private final ShopSettings settings;

    SubscriptionPageController(KeyQueries keys, ConnectOptions connect, SubscriptionPage page, ShopSettings settings) {
        this.keys = keys;
        this.connect = connect;
        this.page = page;
        this.settings = settings;
    }

    @GetMapping("/s/{subscriptionId}")
    ResponseEntity<String> show(@PathVariable String subscriptionId,
                                @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent,
                                @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                @RequestParam(required = false) String lang,
                                @RequestParam(required = false) String platform) {
        String language = Visitors.language(lang, languages);
        boolean app = Visitors.isVpnApp(userAgent, accept);
        Optional<KeyView> found = find(subscriptionId);
        if (found.isEmpty()) {
            return app ? text(HttpStatus.NOT_FOUND, "no such subscription")
                    : html(HttpStatus.NOT_FOUND, page.message(language, "not_found"));
        }
        KeyView key = found.get();
        if ("revoked".equals(key.status())) {
            return app ? text(HttpStatus.GONE, "this key was revoked")
                    : html(HttpStatus.GONE, page.message(language, "revoked"));
        }
        if (app) {
            return subscription(key);
        }
        String device = platform != null && ConnectOptions.PLATFORMS.contains(platform) ? platform
                : Visitors.platform(userAgent);
        String url = connect.subscriptionUrl(key).orElse(key.connectionLink());
        return html(HttpStatus.OK, page.key(key, language, device, connect.apps(key), url == null ? "" : url));
    }

    /** Where a Telegram button for one app leads: a page that opens the app's deep link. */
    @GetMapping("/s/{subscriptionId}/open/{appId}")
    ResponseEntity<String> open(@PathVariable String subscriptionId, @PathVariable String appId,
                                @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent,
                                @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept,
                                @RequestParam(required = false) String lang) {
        String language = Visitors.language(lang, accept);
        Optional<KeyView> found = find(subscriptionId);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, page.message(language, "not_found"));
        }
        KeyView key = found.get();
        if ("revoked".equals(key.status())) {
            return html(HttpStatus.GONE, page.message(language, "revoked"));
        }
        Optional<ConnectOptions.AppOption> app = connect.app(key, appId);
        if (app.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, page.message(language, "not_found"));
        }
        String back = connect.pageUrl(key).orElse("/s/" + key.subscriptionId());
        return html(HttpStatus.OK, page.open(language, Visitors.platform(userAgent), app.get(), back));
    }

    private Optional<KeyView> find(String subscriptionId) {
        return ConnectOptions.PAGE_ID.matcher(subscriptionId).matches() ? keys.bySubscriptionId(subscriptionId)
                : Optional.empty();
    }

    /**
     * The subscription as VPN apps read it. Where the host's panel serves subscriptions, the app is sent there
     * (302): the panel lists every link of the key (several inbounds, external proxies) with its own usage headers,
     * and this one address still works for both people and apps. Otherwise the key's link, base64-encoded as 3x-ui
     * serves it, with the usage, expiry, title and refresh headers. A key still being prepared has no link yet: 503
     * with Retry-After, so the app tries again instead of saving an empty profile.
     */
    private ResponseEntity<String> subscription(KeyView key) {
        if (key.subscriptionUrl() != null && key.subscriptionUrl().startsWith("http")) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(key.subscriptionUrl()))
                    .cacheControl(CacheControl.noStore()).build();
        }
        if (key.connectionLink() == null && "provisioning".equals(key.status())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
                    .cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_PLAIN)
                    .body("the key is being prepared");
        }
        if (key.connectionLink() == null) {
            return text(HttpStatus.NOT_FOUND, "this key has no link to import");
        }
        long expire = key.expiresAt() == null ? 0 : key.expiresAt().getEpochSecond();
        String title = connect.profileName(key);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("subscription-userinfo", "upload=0; download=" + Math.max(0, key.trafficUsedBytes())
                        + "; total=" + Math.max(0, key.trafficLimitBytes()) + "; expire=" + expire)
                .header("profile-title", "base64:" + base64(title))
                .header("profile-update-interval", Integer.toString(settings.subscriptionUpdateHours()))
                .header("X-Robots-Tag", "noindex");
        connect.pageUrl(key).ifPresent(url -> response.header("profile-web-page-url", url));
        String support = settings.supportContact();
        if (support.startsWith("https://")) {
            response.header("support-url", support);
        }
        return response.body(base64(key.connectionLink() + "\n"));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex").body(body);
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
