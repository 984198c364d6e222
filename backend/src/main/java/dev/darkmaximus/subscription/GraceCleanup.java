package dev.darkmaximus.subscription;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * Deletes keys that stayed expired past the grace period from their panels and archives them (SPEC §4.6), so panels
 * don't fill with dead clients. Uses the same panel-first revoke as admins: a panel that doesn't answer leaves the
 * key for the next run. Off when the admin turns {@code keys.grace-delete} off.
 */
@Service
class GraceCleanup {

    private static final Logger log = LoggerFactory.getLogger(GraceCleanup.class);

    private final VpnKeyRepository keys;
    private final KeyService keyService;
    private final ShopSettings settings;
    private final Clock clock;

    GraceCleanup(VpnKeyRepository keys, KeyService keyService, ShopSettings settings, Clock clock) {
        this.keys = keys;
        this.keyService = keyService;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns how many keys were archived. */
    public int runOnce() {
        if (!settings.graceDelete()) {
            return 0;
        }
        int archived = 0;
        for (long keyId : keys.findExpiredBefore(clock.instant().minus(settings.gracePeriod()), 200)) {
            try {
                keyService.revoke(keyId);
                archived++;
            } catch (ApiException panelDown) {
                log.atWarn().addKeyValue("keyId", keyId).addKeyValue("error", panelDown.getMessage())
                        .log("grace cleanup: panel did not confirm; will try again");
            }
        }
        return archived;
    }
}
