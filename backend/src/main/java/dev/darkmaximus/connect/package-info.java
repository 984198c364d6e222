/**
 * Connecting a key to a VPN app in one tap (SPEC §8): the deep links of the apps in the shop's table, and the
 * public subscription page {@code /s/<subId>} that shows a browser the key's status and app buttons and gives a VPN
 * app the subscription itself.
 */
@ApplicationModule(displayName = "Connecting (app links, subscription page)")
package dev.darkmaximus.connect;

import org.springframework.modulith.ApplicationModule;
