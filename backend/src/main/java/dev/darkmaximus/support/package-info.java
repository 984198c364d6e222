/** Support tickets, their messages and the answer-time SLA (SPEC §10). */
@ApplicationModule(displayName = "Support")
package dev.darkmaximus.support;

import org.springframework.modulith.ApplicationModule;
