/**
 * VPN panels behind one port, {@link dev.darkmaximus.panel.VpnPanel}: the 3x-ui adapters by panel version (ADR
 * 0007), sessions, TLS trust and circuit breakers. Knows nothing of customers or money.
 */
@ApplicationModule(displayName = "VPN panels")
package dev.darkmaximus.panel;

import org.springframework.modulith.ApplicationModule;
