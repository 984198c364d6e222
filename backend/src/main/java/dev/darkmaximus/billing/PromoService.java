package dev.darkmaximus.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.billing.persistence.Order;
import dev.darkmaximus.billing.persistence.PromoCode;
import dev.darkmaximus.billing.persistence.PromoCodeRepository;
import dev.darkmaximus.billing.persistence.PromoRedemption;
import dev.darkmaximus.billing.persistence.PromoRedemptionRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;

/**
 * Promo codes (SPEC §5): admins manage them; quoting checks a code against the customer, plan and moment; a paid
 * order redeems it atomically, and one paid after the code ran out is still honoured and marked over the limit.
 */
@Service
public class PromoService {

    private final PromoCodeRepository codes;
    private final PromoRedemptionRepository redemptions;
    private final MoneyQueries queries;
    private final AuditService audit;
    private final Clock clock;

    PromoService(PromoCodeRepository codes, PromoRedemptionRepository redemptions, MoneyQueries queries,
                 AuditService audit, Clock clock) {
        this.codes = codes;
        this.redemptions = redemptions;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The id of the promo code a customer typed (any case), or -1 when there is no such code; null for none. */
    @Transactional(readOnly = true)
    Long idOf(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return codes.findByCode(code.strip()).map(PromoCode::id).orElse(-1L);
    }

    /**
     * The code's terms if it applies to this customer buying {@code planId} (null for a top-up) in {@code currency}
     * now; otherwise a field error on {@code promoCode} saying why. Uses already paid for and uses held by open
     * orders both count against the limits, so a quote, an order and a payment all see the same limit.
     *
     * @param reserve the caller is opening an order (in its transaction): the code's row is locked first, so orders
     *                opened at once with one code are counted one after the other and the new order holds its use
     */
    @Transactional(readOnly = true)
    Pricing.PromoTerms check(String code, long customerId, Long planId, Currency currency, boolean reserve) {
        PromoCode promo = usable(code, customerId, reserve);
        if (planId == null && promo.kind() != PromoKind.BALANCE_BONUS) {
            throw refuse("promo_not_for_top_up", "This promo code applies to plans, not to top-ups.");
        }
        if (planId != null && !promo.plans().isEmpty()
                && promo.plans().stream().noneMatch(p -> p.planId() == planId)) {
            throw refuse("promo_wrong_plan", "This promo code doesn't apply to this plan.");
        }
        if (promo.kind() == PromoKind.FIXED && promo.currency() != currency) {
            throw refuse("promo_wrong_currency", "This promo code applies to payments in " + promo.currency() + ".");
        }
        return new Pricing.PromoTerms(promo.id(), promo.kind(), promo.value());
    }

    /**
     * Why this customer can't use the code at all right now (no such code, expired, used up, already used), as the
     * refusal's code; empty when it may apply (to some plan). For a code arriving by deep link, before it is kept.
     */
    @Transactional(readOnly = true)
    public Optional<String> refusalFor(String code, long customerId) {
        try {
            usable(code, customerId, false);
            return Optional.empty();
        } catch (InvalidInputException refused) {
            return Optional.of(refused.errors().getFirst().code());
        }
    }

    /** The code if this customer may use it now, whatever they buy; else the field error saying why. */
    private PromoCode usable(String code, long customerId, boolean reserve) {
        PromoCode found = codes.findByCode(code.strip()).orElseThrow(() -> refuse("promo_not_found",
                "There is no such promo code."));
        PromoCode promo = reserve ? codes.lockById(found.id()).orElseThrow() : found;
        Instant now = clock.instant();
        if (!promo.active()) {
            throw refuse("promo_inactive", "This promo code is no longer active.");
        }
        if (promo.validFrom() != null && now.isBefore(promo.validFrom())) {
            throw refuse("promo_not_started", "This promo code isn't valid yet.");
        }
        if (promo.validUntil() != null && !now.isBefore(promo.validUntil())) {
            throw refuse("promo_expired", "This promo code has expired.");
        }
        if (promo.totalLimit() != null && promo.timesUsed() + codes.openOrders(promo.id()) >= promo.totalLimit()) {
            throw refuse("promo_exhausted", "This promo code has been used up.");
        }
        if (redemptions.countByCustomer(promo.id(), customerId) + codes.openOrdersOf(promo.id(), customerId)
                >= promo.perCustomerLimit()) {
            throw refuse("promo_already_used", "You have already used this promo code (or an order with it is "
                    + "waiting for payment).");
        }
        if (promo.firstPurchaseOnly() && queries.hasPaidPurchase(customerId)) {
            throw refuse("promo_first_purchase_only", "This promo code is for a first purchase only.");
        }
        return promo;
    }

    /**
     * Records the code's use by a paid order, in the paying transaction; the open order held the use until now. Only
     * an order paid after it expired (its hold released, the use taken by someone else) can find the limit reached:
     * the customer keeps the discount they paid with, the use is marked over the limit for the admin (SPEC §5.4),
     * and the answer is false so that no bonus days or balance bonus are given beyond the limit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean redeem(Order order) {
        PromoCode promo = codes.lockById(order.promoCodeId()).orElseThrow();
        boolean withinCustomerLimit = redemptions.countByCustomer(promo.id(), order.customerId())
                < promo.perCustomerLimit();
        boolean withinTotal = codes.takeUse(promo.id()) == 1;
        boolean within = withinTotal && withinCustomerLimit;
        redemptions.save(new PromoRedemption(null, promo.id(), order.customerId(), order.id(),
                order.promoDiscountMinor(), order.currency(), !within, clock.instant()));
        return within;
    }

    @Transactional(readOnly = true)
    public List<PromoView> list() {
        return codes.findAll().stream().map(PromoView::from)
                .sorted(Comparator.comparing(PromoView::id).reversed()).toList();
    }

    @Transactional(readOnly = true)
    public PromoView get(long id) {
        return PromoView.from(load(id));
    }

    @Transactional(readOnly = true)
    public List<PromoRedemptionView> redemptions(long id, Long before, int limit) {
        load(id);
        return redemptions.findByCode(id, before, limit).stream().map(PromoRedemptionView::from).toList();
    }

    @Transactional
    public PromoView create(PromoCommand command, Long staffId) {
        validate(command);
        PromoCode saved = save(new PromoCode(null, command.code().strip(), command.kind(), command.value(),
                command.currency(), command.validFrom(), command.validUntil(), command.totalLimit(),
                command.perCustomerLimit(), 0, command.firstPurchaseOnly(), command.active(), staffId,
                plans(command), null, null, 0));
        PromoView view = PromoView.from(saved);
        audit.record("promo.create", "promo_code", saved.id(), null, view);
        return view;
    }

    @Transactional
    public PromoView update(long id, PromoCommand command) {
        validate(command);
        PromoCode current = load(id);
        PromoView before = PromoView.from(current);
        PromoCode saved = save(new PromoCode(id, command.code().strip(), command.kind(), command.value(),
                command.currency(), command.validFrom(), command.validUntil(), command.totalLimit(),
                command.perCustomerLimit(), current.timesUsed(), command.firstPurchaseOnly(), command.active(),
                current.createdBy(), plans(command), current.createdAt(), null, current.version()));
        PromoView after = PromoView.from(saved);
        audit.record("promo.update", "promo_code", id, before, after);
        return after;
    }

    private PromoCode save(PromoCode code) {
        try {
            return codes.save(code);
        } catch (DuplicateKeyException taken) {
            throw InvalidInputException.conflict("promo_code_taken", "code", "another promo code already uses this code");
        }
    }

    private static Set<PromoCode.PromoCodePlan> plans(PromoCommand command) {
        return command.planIds() == null ? Set.of()
                : command.planIds().stream().map(PromoCode.PromoCodePlan::new).collect(Collectors.toSet());
    }

    private static void validate(PromoCommand c) {
        if (!c.code().strip().matches("[A-Za-z0-9_-]{3,64}")) {
            throw InvalidInputException.field("code", "invalid_code", "3–64 letters, digits, _ or -");
        }
        if (c.kind() == PromoKind.PERCENT && (c.value() < 1 || c.value() > 100)) {
            throw InvalidInputException.field("value", "invalid_percent", "a percent from 1 to 100");
        }
        if (c.value() < 1) {
            throw InvalidInputException.field("value", "invalid_value", "must be positive");
        }
        if ((c.kind() == PromoKind.FIXED || c.kind() == PromoKind.BALANCE_BONUS) && c.currency() == null) {
            throw InvalidInputException.field("currency", "currency_required", "fixed and balance-bonus codes need a currency");
        }
        if (c.kind() == PromoKind.BALANCE_BONUS && c.currency() != Currency.RUB) {
            throw InvalidInputException.field("currency", "balance_currency", "the balance is kept in RUB");
        }
        if (c.kind() == PromoKind.BONUS_DAYS && c.value() > 3650) {
            throw InvalidInputException.field("value", "invalid_days", "at most 3650 days");
        }
        if (c.validFrom() != null && c.validUntil() != null && !c.validUntil().isAfter(c.validFrom())) {
            throw InvalidInputException.field("validUntil", "invalid_window", "must be after validFrom");
        }
        if (c.totalLimit() != null && c.totalLimit() < 1) {
            throw InvalidInputException.field("totalLimit", "invalid_limit", "must be positive or empty");
        }
        if (c.perCustomerLimit() < 1) {
            throw InvalidInputException.field("perCustomerLimit", "invalid_limit", "must be positive");
        }
    }

    private PromoCode load(long id) {
        return codes.findById(id).orElseThrow(() -> ApiException.notFound("Promo code", id));
    }

    private static InvalidInputException refuse(String code, String message) {
        return InvalidInputException.field("promoCode", code, message);
    }
}
