/**
 * The classic chat bot: Telegram updates in (polling or webhook), menus and flows out. Like a controller it calls
 * the features' services and holds no business rule (SPEC §7).
 */
@ApplicationModule(displayName = "Chat bot")
package dev.darkmaximus.bot;

import org.springframework.modulith.ApplicationModule;
