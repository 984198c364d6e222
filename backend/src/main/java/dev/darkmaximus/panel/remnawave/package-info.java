/** The Remnawave adapter behind {@link dev.darkmaximus.panel.VpnPanel}: users, squads, paging, its error codes. */
package dev.darkmaximus.panel.remnawave;
