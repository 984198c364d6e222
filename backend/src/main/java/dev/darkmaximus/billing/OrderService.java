package dev.darkmaximus.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.billing.persistence.Order;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.billing.persistence.PaymentRepository;
import dev.darkmaximus.catalog.CatalogService;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Quotes and orders (SPEC §5.2): one price computation for every surface, and an order that fixes that price, with
 * its first payment, in one transaction. A balance payment completes inside that same transaction, so a balance
 * that doesn't cover the price leaves nothing behind.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final PaymentService paymentService;
    private final PromoService promos;
    private final PlanService plans;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final KeyOrders keys;
    private final PaymentMethods methods;
    private final MoneyQueries queries;
    private final ShopSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderService(OrderRepository orders, PaymentRepository payments, PaymentService paymentService,
                 PromoService promos, PlanService plans, CatalogService catalog, CustomerService customers,
                 KeyOrders keys, PaymentMethods methods, MoneyQueries queries, ShopSettings settings,
                 TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.paymentService = paymentService;
        this.promos = promos;
        this.plans = plans;
        this.catalog = catalog;
        this.customers = customers;
        this.keys = keys;
        this.methods = methods;
        this.queries = queries;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The price this customer would pay now, with its breakdown; nothing is stored. */
    @Transactional(readOnly = true)
    public Quote quote(long customerId, PurchaseRequest request) {
        return price(customerId, request, false).quote();
    }

    /**
     * Holds this customer's idempotency key until the caller's transaction ends: a concurrent request with the same
     * key waits here, then finds the order the first one opened.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdIdempotencyKey(long customerId, String idempotencyKey) {
        orders.lockIdempotencyKey(customerId, idempotencyKey);
    }

    /** Whether this customer already opened an order with this idempotency key (a retry, not a new order). */
    @Transactional(readOnly = true)
    public boolean opened(long customerId, String idempotencyKey) {
        return idempotencyKey != null && orders.findByIdempotencyKey(customerId, idempotencyKey).isPresent();
    }

    /** The order this customer opened with this idempotency key, if any. */
    @Transactional(readOnly = true)
    public Optional<OrderView> byIdempotencyKey(long customerId, String idempotencyKey) {
        return orders.findByIdempotencyKey(customerId, idempotencyKey).map(o -> OrderView.from(o, latestPayment(o.id())));
    }

    /**
     * Creates the order at the quoted price with a pending payment. A repeated {@code idempotencyKey} returns the
     * order it created before (a double tap never makes two orders). Balance and free orders are paid here.
     */
    @Transactional
    public OrderView open(long customerId, PurchaseRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var existing = orders.findByIdempotencyKey(customerId, idempotencyKey);
            if (existing.isPresent()) {
                return sameRequest(existing.get(), request);
            }
        }
        CustomerView customer = customers.get(customerId);
        Priced priced = price(customerId, request, true);
        Quote q = priced.quote();
        Instant now = clock.instant();
        Order order = orders.save(new Order(null, request.kind(), customerId, priced.planId(), request.keyId(),
                q.amountMinor(), q.currency(), q.baseMinor(), q.promoDiscountMinor(), q.referralDiscountMinor(),
                q.promoCodeId(), q.bonusDays(), q.balanceBonusMinor(), q.discountSource(), request.method(),
                OrderStatus.OPEN, idempotencyKey, now.plus(request.method() == PaymentMethod.BANK_TRANSFER
                        ? settings.transferWait() : settings.orderExpiry()), null, null, null, null, 0));
        boolean payNow = request.method() == PaymentMethod.BALANCE || q.amountMinor() == 0;
        PaymentMethod provider = payNow ? PaymentMethod.BALANCE : request.method();
        Payment payment = payments.save(new Payment(null, order.id(), provider, null, q.amountMinor(), q.currency(),
                PaymentStatus.PENDING, 0, null, null, null, customer.telegramId(), null, null, 0));
        if (payNow) {
            paymentService.apply(payment.id(), PaymentStatus.SUCCEEDED, null, q.amountMinor() == 0 ? "free" : "balance",
                    null, null);
        }
        return view(order.id());
    }

    @Transactional(readOnly = true)
    public OrderView get(long orderId) {
        return view(orderId);
    }

    /** The customer's own order; someone else's is "not found". */
    @Transactional(readOnly = true)
    public OrderView getOwned(long customerId, long orderId) {
        OrderView order = view(orderId);
        if (order.customerId() != customerId) {
            throw ApiException.notFound("Order", orderId);
        }
        return order;
    }

    @Transactional(readOnly = true)
    public List<OrderView> forCustomer(long customerId, Long before, int limit) {
        return orders.findByCustomer(customerId, before, limit).stream()
                .map(o -> OrderView.from(o, latestPayment(o.id()))).toList();
    }

    /**
     * Expires unpaid orders past their time. Payments nobody can report on any more (Stars invoices, payments never
     * started) expire with them; a payment the provider still holds stays pending and is polled, and if the
     * customer pays it after all, the success is honoured.
     */
    public int expireDue() {
        int expired = 0;
        for (Order order : orders.findExpiredOpen(clock.instant(), 200)) {
            Boolean done = transactions.execute(tx -> {
                Order locked = orders.findForUpdate(order.id()).orElseThrow();
                if (locked.status() != OrderStatus.OPEN) {
                    return false;
                }
                orders.transition(order.id(), OrderStatus.OPEN.name(), OrderStatus.EXPIRED.name(), clock.instant());
                for (Payment p : payments.findByOrder(order.id())) {
                    if (p.status().open() && (p.providerPaymentId() == null || p.provider() == PaymentMethod.STARS)) {
                        paymentService.apply(p.id(), PaymentStatus.EXPIRED, null, "order-expiry", null, null);
                    }
                }
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        if (expired > 0) {
            log.atInfo().addKeyValue("orders", expired).log("unpaid orders expired");
        }
        return expired;
    }

    private OrderView sameRequest(Order existing, PurchaseRequest request) {
        // Any difference in what was asked is a different order: plan or key, top-up amount, method, promo code.
        boolean same = existing.kind() == request.kind() && existing.paymentMethod() == request.method()
                && (request.kind() != OrderKind.NEW_KEY || Objects.equals(existing.planId(), request.planId()))
                && (request.kind() != OrderKind.EXTEND_KEY || Objects.equals(existing.keyId(), request.keyId()))
                && (request.kind() != OrderKind.TOP_UP || Objects.equals(existing.baseMinor(), request.amountMinor()))
                && Objects.equals(existing.promoCodeId(), promos.idOf(request.promoCode()));
        if (!same) {
            throw ApiException.conflict("idempotency_key_reused",
                    "This Idempotency-Key was used for a different order.");
        }
        return view(existing.id());
    }

    private OrderView view(long orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> ApiException.notFound("Order", orderId));
        return OrderView.from(order, latestPayment(orderId));
    }

    private PaymentView latestPayment(long orderId) {
        List<Payment> all = payments.findByOrder(orderId);
        return all.isEmpty() ? null : PaymentView.from(all.getLast());
    }

    /** @param reserve opening the order: a promo code's use is held by it (see {@link PromoService#check}) */
    private Priced price(long customerId, PurchaseRequest request, boolean reserve) {
        if (request.kind() == null) {
            throw InvalidInputException.field("kind", "required", "new_key, extend_key or top_up");
        }
        if (request.method() == null) {
            throw InvalidInputException.field("method", "required", "how the customer pays");
        }
        if (!methods.available(request.method())) {
            throw InvalidInputException.field("method", "method_unavailable", "This payment method is not available.");
        }
        Currency currency = request.method().currency();
        Long planId;
        Money base;
        switch (request.kind()) {
            case NEW_KEY -> {
                planId = require(request.planId(), "planId");
                base = priceIn(catalog.offered(customerId, planId), currency);
            }
            case EXTEND_KEY -> {
                long keyId = require(request.keyId(), "keyId");
                planId = keys.planForExtension(customerId, keyId);
                base = priceIn(plans.get(planId), currency);
            }
            case TOP_UP -> {
                planId = null;
                if (request.method() != PaymentMethod.TOP_UP) {
                    throw InvalidInputException.field("method", "method_unavailable",
                            "The balance is topped up by card (YooKassa).");
                }
                long amount = require(request.amountMinor(), "amountMinor");
                if (amount < settings.topUpMin() || amount > settings.topUpMax()) {
                    throw InvalidInputException.field("amountMinor", "amount_out_of_range",
                            "A top-up is between " + Money.of(settings.topUpMin(), Currency.RUB).display() + " and "
                                    + Money.of(settings.topUpMax(), Currency.RUB).display() + ".");
                }
                base = Money.of(amount, Currency.RUB);
            }
            default -> throw new IllegalStateException();
        }
        Pricing.PromoTerms promo = request.promoCode() == null || request.promoCode().isBlank() ? null
                : promos.check(request.promoCode(), customerId, planId, currency, reserve);
        int referralPercent = request.kind() != OrderKind.TOP_UP && settings.referralEnabled()
                && customers.get(customerId).referrerId() != null && !queries.hasPaidPurchase(customerId)
                ? settings.referralFirstPurchaseDiscount() : 0;
        return new Priced(Pricing.quote(base, promo, referralPercent, minimum(request.method(), currency)), planId);
    }

    /**
     * The methods that can pay for a purchase now, in display order: switched on and, for a plan, priced in the
     * method's currency; a top-up only by card. The bot, the Mini App and the API offer exactly these, and
     * {@link #open} refuses any other. Without a kind, every method switched on.
     */
    @Transactional(readOnly = true)
    public List<PaymentMethod> methodsFor(long customerId, OrderKind kind, Long planId, Long keyId) {
        if (kind == null) {
            return PaymentMethod.OFFERED.stream().filter(methods::available).toList();
        }
        if (kind == OrderKind.TOP_UP) {
            return methods.available(PaymentMethod.TOP_UP) ? List.of(PaymentMethod.TOP_UP) : List.of();
        }
        PlanView plan = kind == OrderKind.NEW_KEY ? catalog.offered(customerId, require(planId, "planId"))
                : plans.get(keys.planForExtension(customerId, require(keyId, "keyId")));
        return PaymentMethod.OFFERED.stream().filter(methods::available)
                .filter(m -> plan.prices().stream().anyMatch(price -> price.currency() == m.currency())).toList();
    }

    /** The provider's smallest charge (YooKassa and CryptoBot 1 ₽, Stars 1 ⭐); the balance can pay any amount. */
    static long minimum(PaymentMethod method, Currency currency) {
        return switch (method) {
            case YOOKASSA, CRYPTOBOT, BANK_TRANSFER -> 100;
            case STARS -> 1;
            case BALANCE -> currency == Currency.XTR ? 1 : 0;
        };
    }

    private static Money priceIn(PlanView plan, Currency currency) {
        return plan.prices().stream().filter(m -> m.currency() == currency).findFirst()
                .orElseThrow(() -> InvalidInputException.field("method", "price_unavailable",
                        "This plan can't be paid this way."));
    }

    private static long require(Long value, String field) {
        if (value == null) {
            throw InvalidInputException.field(field, "required", "must be given");
        }
        return value;
    }

    private record Priced(Quote quote, Long planId) {
    }
}
