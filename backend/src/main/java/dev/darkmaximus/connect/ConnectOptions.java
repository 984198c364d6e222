package dev.darkmaximus.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.darkmaximus.platform.settings.AppLinkTable;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.KeyView;

/**
 * How a key gets into a VPN app: its public page, the subscription URL apps import, and a one-tap button per app
 * in the shop's table. The subscription URL is the shop's own page when the shop has a public address (one URL for
 * browsers and apps, with status headers), else the panel's subscription URL; with neither there is nothing to
 * import and no app buttons, only the key's link and QR.
 */
@Service
public class ConnectOptions {

    /** The platforms apps are listed for, in the order pages show them. */
    public static final List<String> PLATFORMS = AppLinkTable.PLATFORMS;

    private final ShopSettings settings;

    ConnectOptions(ShopSettings settings) {
        this.settings = settings;
    }

    /**
     * One app's button for one key.
     *
     * @param importLink the app's own deep link (custom scheme), for pages the customer's browser shows
     * @param openUrl    an https page that opens {@code importLink}, for Telegram buttons (which take only http(s));
     *                   null without a public address
     * @param download   where to get the app, per platform
     */
    public record AppOption(String id, String name, List<String> platforms, String importLink, String openUrl,
                            Map<String, String> download) {

        public boolean runsOn(String platform) {
            return platforms.contains(platform);
        }
    }

    /** What a subscription id must look like to have a page (ids imported from Dark Maximus 2 may not). */
    public static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /**
     * The key's public page: when the shop has a public address, the key's id can be a page's, and the page has
     * something to give an app (the key's link, or the panel's subscription it leads apps to).
     */
    public Optional<String> pageUrl(KeyView key) {
        String base = settings.publicUrl();
        boolean servable = key.connectionLink() != null || key.subscriptionUrl() != null;
        return base.isEmpty() || !servable || key.subscriptionId() == null
                || !PAGE_ID.matcher(key.subscriptionId()).matches() ? Optional.empty()
                : Optional.of(base + "/s/" + key.subscriptionId());
    }

    /** What VPN apps import: the public page, else the panel's subscription URL. */
    public Optional<String> subscriptionUrl(KeyView key) {
        return pageUrl(key).or(() -> Optional.ofNullable(key.subscriptionUrl()));
    }

    /** Every app of the table with this key's links; empty when the key has nothing to import. */
    public List<AppOption> apps(KeyView key) {
        Optional<String> url = subscriptionUrl(key);
        if (url.isEmpty() || "revoked".equals(key.status())) {
            return List.of();
        }
        String name = profileName(key);
        Optional<String> page = pageUrl(key);
        return settings.vpnApps().stream().map(app -> option(app, url.get(), name, page)).toList();
    }

    /** The apps for one platform, in the table's order. */
    public List<AppOption> apps(KeyView key, String platform) {
        return apps(key).stream().filter(app -> app.runsOn(platform)).toList();
    }

    public Optional<AppOption> app(KeyView key, String appId) {
        return apps(key).stream().filter(app -> app.id().equals(appId)).findFirst();
    }

    /** The profile's name in the customer's app: the shop and the key's number, nothing personal. */
    public String profileName(KeyView key) {
        return settings.shopName() + " #" + key.number();
    }

    private static AppOption option(AppLinkTable.App app, String url, String name, Optional<String> page) {
        return new AppOption(app.id(), app.name(), app.platforms(), DeepLinks.build(app.link(), url, name),
                page.map(p -> p + "/open/" + app.id()).orElse(null), app.download());
    }
}
