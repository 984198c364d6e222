package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.LedgerLine;
import dev.darkmaximus.billing.ReferralService;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.catalog.Visibility;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * Renews keys from the balance in the window before expiry (SPEC §4.4): the debit, its ledger entry, the new
 * expiry and the panel push commit together, under a lock on the key, so two nodes never renew one key twice. A
 * renewal that can't happen is explained to the customer once per expiry and leaves no debt.
 */
@Service
class AutoRenewal {

    private static final Logger log = LoggerFactory.getLogger(AutoRenewal.class);
    static final Currency BALANCE_CURRENCY = Currency.RUB;

    private final VpnKeyRepository keys;
    private final KeyQueries queries;
    private final KeyPushes pushes;
    private final PlanService plans;
    private final CustomerService customers;
    private final BalanceService balances;
    private final ReferralService referrals;
    private final NotificationService notifications;
    private final KeyFormats formats;
    private final ShopSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RenewalCharges> charges;
    private final Clock clock;

    AutoRenewal(VpnKeyRepository keys, KeyQueries queries, KeyPushes pushes, PlanService plans,
                CustomerService customers, BalanceService balances, ReferralService referrals,
                NotificationService notifications, KeyFormats formats, ShopSettings settings,
                TransactionTemplate transactions, ApplicationEventPublisher events,
                ObjectProvider<RenewalCharges> charges, Clock clock) {
        this.charges = charges;
        this.keys = keys;
        this.queries = queries;
        this.pushes = pushes;
        this.plans = plans;
        this.customers = customers;
        this.balances = balances;
        this.referrals = referrals;
        this.notifications = notifications;
        this.formats = formats;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Renews every due key; returns how many were renewed. */
    public int runOnce() {
        Instant now = clock.instant();
        List<VpnKey> due = keys.findExpiringBetween(now, now.plus(settings.renewalWindow()), 500);
        int renewed = 0;
        for (VpnKey key : due) {
            try {
                if (renewOne(key.id())) {
                    renewed++;
                }
            } catch (RuntimeException e) { // one key's trouble must not stop the others; the next run retries it
                log.atError().addKeyValue("keyId", key.id()).setCause(e).log("auto-renewal failed");
            }
        }
        return renewed;
    }

    /**
     * One key picked as due, perhaps a moment ago by a list another node has renewed from since: the saved card
     * first, then the balance; true when the balance renewed it.
     */
    boolean renewOne(long keyId) {
        if (chargedElsewhere(keyId)) {
            return false; // a saved card paid (or is paying) for this renewal: never the balance as well
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> renew(keyId)));
    }

    /**
     * Tries the customer's saved card first, outside the key's lock (a provider call can take seconds): the card's
     * charge is keyed by key and expiry, so a run that meets it again only learns how it stands.
     */
    private boolean chargedElsewhere(long keyId) {
        RenewalCharges card = charges.getIfAvailable();
        if (card == null) {
            return false;
        }
        KeyView view = queries.get(keyId);
        // Read fresh: a key another node renewed a moment ago has a new expiry outside the window, and charging it
        // now would pay for the period after (the renewal key is per expiry).
        if (!"active".equals(view.status()) || view.expiresAt() == null
                || view.expiresAt().isAfter(clock.instant().plus(settings.renewalWindow()))) {
            return true; // nothing to renew now: not the balance either
        }
        if (!view.autoRenewEffective() || customers.get(view.customerId()).banned()) {
            return false;
        }
        RenewalTerms terms = terms(view);
        return terms.refusal() == null && card.charge(view, terms.price()) == RenewalCharges.Attempt.PAID_OR_PENDING;
    }

    /** What renewing this key would cost now, or why it can't renew (never both). */
    RenewalTerms terms(KeyView key) {
        if (key.planId() == null || key.trial()) {
            return RenewalTerms.refused("trial");
        }
        PlanView plan;
        try {
            plan = plans.get(key.planId());
        } catch (ApiException gone) {
            return RenewalTerms.refused("plan_gone");
        }
        if (plan.visibility() == Visibility.ARCHIVED || plan.trial()) {
            return RenewalTerms.refused("plan_gone");
        }
        return plan.prices().stream().filter(p -> p.currency() == BALANCE_CURRENCY).findFirst()
                .map(price -> new RenewalTerms(plan, price, null))
                .orElse(RenewalTerms.refused("plan_gone"));
    }

    private boolean renew(long keyId) {
        VpnKey key = keys.findForUpdate(keyId).orElseThrow();
        Instant now = clock.instant();
        if (key.status() != VpnKey.KeyStatus.ACTIVE || key.expiresAt() == null
                || key.expiresAt().isAfter(now.plus(settings.renewalWindow()))) {
            return false; // renewed by another node meanwhile, or no longer renewable
        }
        KeyView view = queries.get(keyId);
        CustomerView customer = customers.get(key.customerId());
        if (!view.autoRenewEffective() || customer.banned()) {
            return false;
        }
        RenewalTerms terms = terms(view);
        String expiryTag = key.id() + ":" + key.expiresAt().getEpochSecond();
        Map<String, String> params = Map.of("key_number", Integer.toString(key.number()),
                "expires_at", formats.dateTime(key.expiresAt()));
        if (terms.refusal() != null) {
            if (!"trial".equals(terms.refusal())) {
                notifications.queue(key.customerId(), "renewal_failed", Templates.RENEWAL_PLAN_GONE, params,
                        "renewal-failed:" + expiryTag);
            }
            return false;
        }
        Optional<LedgerLine> debit = balances.spendOnRenewal(key.customerId(), terms.price(), keyId,
                "Auto-renewal of key #" + key.number());
        if (debit.isEmpty()) {
            long shortfall = terms.price().amount()
                    - balances.balance(key.customerId(), BALANCE_CURRENCY).amount();
            notifications.queue(key.customerId(), "renewal_failed", Templates.RENEWAL_BALANCE_LOW,
                    Map.of("key_number", Integer.toString(key.number()), "expires_at", formats.dateTime(key.expiresAt()),
                            "shortfall", KeyFormats.money(Money.of(shortfall, BALANCE_CURRENCY))),
                    "renewal-failed:" + expiryTag);
            return false;
        }
        Instant expires = KeyTerms.extendedExpiry(now, key.expiresAt(), terms.plan().durationUnit(),
                terms.plan().durationValue(), settings.timeZone());
        int version = keys.extend(keyId, expires, terms.plan().id(),
                KeyTerms.gigabytes(terms.plan().trafficLimitGb()), false, now).orElseThrow();
        pushes.push(keyId, version);
        referrals.reward(key.customerId(), terms.price(), "renewal", debit.get().id());
        events.publishEvent(new KeyExtended(keyId, key.customerId(), key.number(), key.expiresAt(), expires,
                KeyExtended.Cause.RENEWAL, terms.price()));
        log.atInfo().addKeyValue("keyId", keyId).addKeyValue("amount", terms.price().amount()).log("key auto-renewed");
        return true;
    }

    /** The plan and price a renewal would use, or the reason it can't ({@code trial}, {@code plan_gone}). */
    record RenewalTerms(PlanView plan, Money price, String refusal) {
        static RenewalTerms refused(String why) {
            return new RenewalTerms(null, null, why);
        }
    }
}
