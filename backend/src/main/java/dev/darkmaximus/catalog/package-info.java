/**
 * What is on sale: hosts (each bound to a panel), plans with prices per currency, visibility to customer groups,
 * and the watch on panels' health (SPEC §4).
 */
@ApplicationModule(displayName = "Catalog")
package dev.darkmaximus.catalog;

import org.springframework.modulith.ApplicationModule;
