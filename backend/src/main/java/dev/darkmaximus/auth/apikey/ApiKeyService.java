package dev.darkmaximus.auth.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.ApiKey;
import dev.darkmaximus.auth.persistence.ApiKeyRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.crypto.Digests;
import dev.darkmaximus.platform.error.ApiException;

/**
 * Integrators' API keys (SPEC §7, §15). A key is "dm_" plus 40 random URL-safe characters (240 bits); only its SHA-256
 * is stored, so the key is shown once, at creation, and a leaked database doesn't leak keys. The first characters
 * are kept as a prefix for people to tell keys apart.
 */
@Service
public class ApiKeyService {

    static final String KEY_START = "dm_";
    private static final int RANDOM_BYTES = 30;
    private static final int KEY_LENGTH = KEY_START.length() + 40;
    private static final int PREFIX_LENGTH = 8;
    /** Usage is recorded at most this often per key: enough for "last used", without a write per request. */
    private static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys, AuditService audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return keys.listNewestFirst().stream().map(ApiKeyView::from).toList();
    }

    @Transactional
    public CreatedApiKey create(String name, Collection<ApiScope> scopes, Long createdBy) {
        byte[] raw = new byte[RANDOM_BYTES];
        random.nextBytes(raw);
        String key = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String stored = scopes.stream().distinct().sorted().map(ApiScope::wire).collect(Collectors.joining(" "));
        ApiKey saved = keys.save(new ApiKey(null, name.strip(), key.substring(0, PREFIX_LENGTH), Digests.sha256Hex(key), stored,
                createdBy, clock.instant(), null, null));
        ApiKeyView view = ApiKeyView.from(saved);
        audit.record("api_key.create", "api_key", saved.id(), null, view);
        return new CreatedApiKey(view, key);
    }

    /** Revokes at once; revoking a revoked key changes nothing and succeeds. */
    @Transactional
    public ApiKeyView revoke(long id) {
        ApiKeyView before = ApiKeyView.from(load(id));
        if (keys.revoke(id, clock.instant()) == 0) {
            return before;
        }
        ApiKeyView after = ApiKeyView.from(load(id));
        audit.record("api_key.revoke", "api_key", id, before, after);
        return after;
    }

    /** The integrator holding this key, or empty for an unknown or revoked key. */
    @Transactional
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(KEY_START)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.findActiveByHash(Digests.sha256Hex(presented)).map(key -> {
            Instant notAfter = now.minus(USE_RECORDING_INTERVAL);
            if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(notAfter)) {
                keys.recordUse(key.id(), now, notAfter);
            }
            return new ApiKeyPrincipal(key.id(), key.name(), ApiKeyPrincipal.parseScopes(key.scopes()));
        });
    }

    private ApiKey load(long id) {
        return keys.findById(id).orElseThrow(() -> ApiException.notFound("API key", id));
    }
}
