package dev.darkmaximus.connect.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.connect.ConnectOptions;

/** How to get one key into a VPN app: its public page, what apps import, and a one-tap link per app. */
public record KeyConnectResponse(
        @Schema(description = "The key's public page (status, app buttons, QR); null while the shop has no public "
                + "address.", example = "https://vpn.example.com/s/k7p2x9q4m1n8b3v6", nullable = true)
        String pageUrl,
        @Schema(description = "What VPN apps import: the public page, else the panel's subscription URL; null when "
                + "the key has neither (then only its connection link works).",
                example = "https://vpn.example.com/s/k7p2x9q4m1n8b3v6", nullable = true)
        String subscriptionUrl,
        @Schema(description = "The shop's apps in its order; empty without a subscription URL or for a revoked key.")
        List<ConnectApp> apps) {

    /** One app's links for this key. */
    public record ConnectApp(
            @Schema(example = "happ") String id,
            @Schema(example = "Happ") String name,
            @ArraySchema(arraySchema = @Schema(description = "Where the app runs."),
                    schema = @Schema(allowableValues = {"android", "ios", "windows", "macos", "linux"}))
            List<String> platforms,
            @Schema(description = "The app's own import link (its custom scheme) with the subscription URL in it.",
                    example = "happ://add/https://vpn.example.com/s/k7p2x9q4m1n8b3v6") String importLink,
            @Schema(description = "An https page that opens importLink, for places that open only web links "
                    + "(Telegram's openLink); null without a public address.",
                    example = "https://vpn.example.com/s/k7p2x9q4m1n8b3v6/open/happ", nullable = true)
            String openUrl,
            @Schema(description = "Where to get the app, by platform (some apps list none).",
                    example = "{\"android\": \"https://play.google.com/store/apps/details?id=com.happproxy\"}")
            Map<String, String> download) {

        static ConnectApp from(ConnectOptions.AppOption option) {
            return new ConnectApp(option.id(), option.name(), option.platforms(), option.importLink(), option.openUrl(),
                    option.download());
        }
    }
}
