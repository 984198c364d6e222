package dev.darkmaximus.platform.settings;

/**
 * The built-in VPN apps table (the {@link ShopSettings#VPN_APPS} default), in the order buttons are offered. The
 * import links of Hiddify (v4.1.2 link_parsers.dart), v2rayNG (2.3.5 UrlSchemeActivity.kt, AngConfigManager.kt),
 * Karing (scheme_handler.dart) and NekoBox (1.4.2 AndroidManifest.xml) are read from the apps' own source; Happ,
 * Streisand, V2Box and Shadowrocket are closed, so theirs are the ones 3x-ui (SubPage.tsx at 02002dc1) and Remnawave
 * (subscription-page app-config.json at 5fefecdb) open; v2RayTun's is the one the field uses, unconfirmed by any
 * source we could read (docs/connect.md). Clash- and sing-box-family apps are left out: they read Clash YAML or
 * sing-box JSON, not the link list the subscription page serves.
 */
final class VpnAppDefaults {

    private static final String RAW = """
            [
             {"id":"happ","name":"Happ","platforms":["android","ios","windows","macos"],
              "link":"happ://add/{url}",
              "download":{"android":"https://play.google.com/store/apps/details?id=com.happproxy",
                          "ios":"https://apps.apple.com/app/happ-proxy-utility/id6504287215",
                          "windows":"https://github.com/Happ-proxy/happ-desktop/releases",
                          "macos":"https://apps.apple.com/app/happ-proxy-utility/id6504287215"}},
             {"id":"hiddify","name":"Hiddify","platforms":["android","ios","windows","macos","linux"],
              "link":"hiddify://import/{url}#{name_encoded}",
              "download":{"android":"https://play.google.com/store/apps/details?id=app.hiddify.com",
                          "ios":"https://apps.apple.com/app/hiddify-proxy-vpn/id6596777532",
                          "windows":"https://github.com/hiddify/hiddify-app/releases",
                          "macos":"https://github.com/hiddify/hiddify-app/releases",
                          "linux":"https://github.com/hiddify/hiddify-app/releases"}},
             {"id":"v2raytun","name":"v2RayTun","platforms":["android","ios"],
              "link":"v2raytun://import/{url}",
              "download":{"android":"https://play.google.com/store/apps/details?id=com.v2raytun.android",
                          "ios":"https://apps.apple.com/app/v2raytun/id6476628951"}},
             {"id":"streisand","name":"Streisand","platforms":["ios","macos"],
              "link":"streisand://import/{url}",
              "download":{"ios":"https://apps.apple.com/app/streisand/id6450534064",
                          "macos":"https://apps.apple.com/app/streisand/id6450534064"}},
             {"id":"v2box","name":"V2Box","platforms":["android","ios"],
              "link":"v2box://install-sub?url={url_encoded}&name={name_encoded}"},
             {"id":"v2rayng","name":"v2rayNG","platforms":["android"],
              "link":"v2rayng://install-sub?url={url_encoded}#{name_encoded}",
              "download":{"android":"https://github.com/2dust/v2rayNG/releases"}},
             {"id":"shadowrocket","name":"Shadowrocket","platforms":["ios","macos"],
              "link":"shadowrocket://add/sub://{url_base64}?remark={name_encoded}",
              "download":{"ios":"https://apps.apple.com/app/shadowrocket/id932747118",
                          "macos":"https://apps.apple.com/app/shadowrocket/id932747118"}},
             {"id":"karing","name":"Karing","platforms":["android","ios","windows","macos","linux"],
              "link":"karing://install-config?url={url_encoded}&name={name_encoded}",
              "download":{"android":"https://github.com/KaringX/karing/releases",
                          "ios":"https://apps.apple.com/app/karing/id6472431552",
                          "windows":"https://github.com/KaringX/karing/releases",
                          "macos":"https://github.com/KaringX/karing/releases",
                          "linux":"https://github.com/KaringX/karing/releases"}},
             {"id":"nekobox","name":"NekoBox","platforms":["android"],
              "link":"sn://subscription?url={url_encoded}&name={name_encoded}",
              "download":{"android":"https://github.com/MatsuriDayo/NekoBoxForAndroid/releases"}}
            ]""";

    /** The table as the settings store it: checked and compact, so the catalogue's default passes its own rules. */
    static final String JSON = AppLinkTable.normalize(RAW);

    private VpnAppDefaults() {
    }
}
