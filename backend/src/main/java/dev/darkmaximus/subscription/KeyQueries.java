package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.catalog.HostView;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.catalog.ProvisionMode;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.web.ListSort;
import dev.darkmaximus.subscription.persistence.KeySearch;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/** Reads of keys for customers and admins, with host names and plan provision modes resolved. */
@Service
public class KeyQueries {

    private final VpnKeyRepository keys;
    private final KeySearch search;
    private final HostService hosts;
    private final PlanService plans;
    private final CustomerService customers;
    private final Clock clock;

    KeyQueries(VpnKeyRepository keys, KeySearch search,
               HostService hosts, PlanService plans, CustomerService customers, Clock clock) {
        this.keys = keys;
        this.search = search;
        this.hosts = hosts;
        this.plans = plans;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public KeyView get(long keyId) {
        VpnKey key = keys.findById(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        return views(List.of(key)).get(0);
    }

    /** The customer's own key; someone else's answers 404 exactly like a missing one. */
    @Transactional(readOnly = true)
    public KeyView getOwned(long customerId, long keyId) {
        return requireOwned(customerId, keyId);
    }

    @Transactional(readOnly = true)
    public KeyView requireOwned(long customerId, long keyId) {
        KeyView key = get(keyId);
        if (key.customerId() != customerId) {
            throw ApiException.notFound("Key", keyId);
        }
        return key;
    }

    /** The key behind a public subscription page, by its unguessable subscription id. */
    @Transactional(readOnly = true)
    public Optional<KeyView> bySubscriptionId(String subscriptionId) {
        return keys.findBySubscriptionId(subscriptionId).map(key -> views(List.of(key)).get(0));
    }

    /** The customer's keys, revoked ones left out. */
    @Transactional(readOnly = true)
    public List<KeyView> forCustomer(long customerId) {
        return views(keys.findByCustomer(customerId).stream().filter(VpnKey::live).toList());
    }

    /** Every key of a customer, revoked included: the admin's customer card. */
    @Transactional(readOnly = true)
    public List<KeyView> allOfCustomer(long customerId) {
        return views(keys.findByCustomer(customerId));
    }

    /** The admin list; {@code email} matches the start of the panel email; {@code expiringWithin} live keys only. */
    @Transactional(readOnly = true)
    public KeySlice search(Long hostId, String status, Long customerId, Duration expiringWithin, String email,
                           int limit, Long startingAfter) {
        Instant before = expiringWithin == null ? null : clock.instant().plus(expiringWithin);
        return page(search.ids(hostId, statusFilter(status), customerId, before, emailPrefix(email),
                startingAfter, KeySearch.NEWEST_FIRST, 0,
                limit + 1), limit);
    }

    /** The admin list in an order picked by column ({@code expiresAt}, {@code -createdAt}, …), by offset. */
    @Transactional(readOnly = true)
    public KeySlice search(Long hostId, String status, Long customerId, Duration expiringWithin, String email,
                           String sort, int offset, int limit) {
        String orderBy = ListSort.parse(sort,
                KeySearch.SORTS, "id").orderBy();
        Instant before = expiringWithin == null ? null : clock.instant().plus(expiringWithin);
        return page(search.ids(hostId, statusFilter(status), customerId, before, emailPrefix(email), null,
                orderBy, offset, limit + 1), limit);
    }

    /** The keys of {@code ids} in that order; one more id than {@code limit} means more follow. */
    private KeySlice page(List<Long> ids, int limit) {
        Map<Long, VpnKey> byId = new HashMap<>();
        keys.findAllById(ids).forEach(k -> byId.put(k.id(), k));
        List<VpnKey> page = ids.stream().limit(limit).map(byId::get).filter(Objects::nonNull).toList();
        return new KeySlice(views(page), ids.size() > limit);
    }

    private static String statusFilter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return VpnKey.KeyStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException unknown) {
            throw InvalidInputException.field("status", "invalid_status", "one of provisioning, active, expired, revoked, "
                    + "disabled, failed");
        }
    }

    private static String emailPrefix(String email) {
        return email == null || email.isBlank() ? null
                : email.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    /**
     * The QR code of the customer's key: its connection link, or its subscription URL when {@code subscription}.
     * 404 when the key has no such link yet (still being prepared, or the host has no subscription base).
     */
    @Transactional(readOnly = true)
    public byte[] qrCode(long customerId, long keyId, boolean subscription) {
        KeyView key = requireOwned(customerId, keyId);
        String content = subscription ? key.subscriptionUrl() : key.connectionLink();
        if (content == null || "revoked".equals(key.status())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "link_not_ready",
                    subscription ? "This key has no subscription URL." : "This key's link is not ready yet.");
        }
        return QrCodes.png(content, 360);
    }

    private List<KeyView> views(List<VpnKey> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, KeyView.HostNames> hostNames = hosts.list().stream().collect(Collectors.toMap(HostView::id,
                h -> new KeyView.HostNames(h.name(), h.nameEn())));
        Map<Long, Boolean> defaults = rows.stream().map(VpnKey::customerId).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> customers.get(id).autoRenewDefault()));
        Map<Long, Optional<PlanView>> planOf = rows.stream().map(VpnKey::planId)
                .filter(Objects::nonNull).distinct()
                .collect(Collectors.toMap(Function.identity(), this::plan));
        return rows.stream().map(k -> {
            PlanView plan = k.planId() == null ? null : planOf.get(k.planId()).orElse(null);
            String mode = (plan == null ? ProvisionMode.BOTH : plan.provisionMode()).name().toLowerCase(Locale.ROOT);
            return KeyView.from(k, hostNames.getOrDefault(k.hostId(), new KeyView.HostNames("?", null)), defaults.get(k.customerId()), mode,
                    KeyTerms.extendable(k.status() == VpnKey.KeyStatus.REVOKED, k.planId(),
                            plan == null ? null : plan.visibility()));
        }).toList();
    }

    private Optional<PlanView> plan(long planId) {
        try {
            return Optional.of(plans.get(planId));
        } catch (ApiException planGone) {
            return Optional.empty();
        }
    }

    /** A page of keys and whether more follow. */
    public record KeySlice(List<KeyView> keys, boolean hasMore) {
    }
}
