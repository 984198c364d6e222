/**
 * Who may call: staff accounts with TOTP, customer sign-in with Telegram initData, our JWTs and refresh tokens,
 * integrators' API keys, the HTTP security chain (SPEC §9). Controllers of other features read their caller with
 * {@link dev.darkmaximus.platform.web.Caller}, not from here.
 */
@ApplicationModule(displayName = "Sign-in and access")
package dev.darkmaximus.auth;

import org.springframework.modulith.ApplicationModule;
