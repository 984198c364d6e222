/**
 * The dashboard, statistics and the daily summary: a read model over other features' tables (ADR 0005 says why
 * and how it stays correct).
 */
@ApplicationModule(displayName = "Reporting")
package dev.darkmaximus.reporting;

import org.springframework.modulith.ApplicationModule;
