package dev.darkmaximus.bot;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PurchaseRequest;
import dev.darkmaximus.billing.Quote;
import dev.darkmaximus.bot.persistence.BotSessions;
import dev.darkmaximus.catalog.CatalogService;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.payment.CheckoutService;
import dev.darkmaximus.payment.cards.CardConsent;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyService;
import dev.darkmaximus.subscription.KeyView;

/**
 * Buying in chat (SPEC §8): location → plan → promo code → method → summary → pay, and the same summary and payment
 * for extending a key and topping up. A purchase is named in buttons as {@code <kind>:<id>:<method>} — kind
 * {@code n} (new key on plan id), {@code x} (extend key id) or {@code t} (top-up of id kopecks) — and every price
 * is asked of the order service at the moment of the tap, never carried in a button.
 */
@Component
class ShopFlow {

    private static final String SAVE_CARD = "save_card";
    private static final long[] TOP_UP_PRESETS = {100_00, 300_00, 500_00, 1000_00, 2000_00};

    private final CatalogService catalog;
    private final PlanService plans;
    private final KeyQueries keyQueries;
    private final KeyService keys;
    private final OrderService orders;
    private final CheckoutService checkout;
    private final BalanceService balances;
    private final BotSessions sessions;
    private final ShopSettings settings;
    private final Clock clock;

    ShopFlow(CatalogService catalog, PlanService plans, KeyQueries keyQueries, KeyService keys, OrderService orders,
             CheckoutService checkout, BalanceService balances, BotSessions sessions,
             ShopSettings settings, Clock clock) {
        this.catalog = catalog;
        this.plans = plans;
        this.keyQueries = keyQueries;
        this.keys = keys;
        this.orders = orders;
        this.checkout = checkout;
        this.balances = balances;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    void hosts(Chat chat) {
        List<CatalogService.CatalogHost> hosts = catalog.hosts(chat.customerId());
        if (hosts.isEmpty()) {
            chat.show(chat.t("buy.empty"), Chat.rows(Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
            return;
        }
        if (hosts.size() == 1) {
            plans(chat, hosts.getFirst().id());
            return;
        }
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (CatalogService.CatalogHost host : hosts) {
            String flag = host.flag() == null ? "" : host.flag() + " ";
            rows.add(Chat.row(chat.button(flag + host.nameFor(chat.language()), Tap.HOST_PLANS, Long.toString(host.id()))));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU)));
        chat.show(chat.t("buy.hosts"), Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    void plans(Chat chat, long hostId) {
        List<CatalogService.CatalogHost> hosts = catalog.hosts(chat.customerId());
        Optional<CatalogService.CatalogHost> host = hosts.stream().filter(h -> h.id() == hostId).findFirst();
        if (host.isEmpty()) {
            hosts(chat);
            return;
        }
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (PlanView plan : host.get().plans()) {
            rows.add(Chat.row(chat.button(planLabel(chat, plan), Tap.PLAN_CHOSEN, Long.toString(plan.id()))));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), hosts.size() > 1 ? Tap.BUY : Tap.MENU)));
        String text = chat.t("buy.plans", "host", host.get().nameFor(chat.language()));
        if (host.get().keysMayBeDelayed()) {
            text = chat.t("buy.delayed") + "\n\n" + text;
        }
        chat.show(text, Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    /** A plan was picked: ask for a promo code unless one is already waiting (from a promo deep link). */
    void planChosen(Chat chat, long planId) {
        PlanView plan = catalog.offered(chat.customerId(), planId);
        if (promo(chat) != null) {
            methods(chat, Purchase.NEW_KEY, planId);
            return;
        }
        chat.show(chat.t("buy.promo", "plan", Chat.html(planLine(chat, plan))), Chat.rows(
                Chat.row(chat.button(chat.t("btn.promo_enter"), Tap.PROMO_ASK, Long.toString(planId))),
                Chat.row(chat.button(chat.t("btn.promo_skip"), Tap.METHODS, Purchase.NEW_KEY.code, Long.toString(planId))),
                Chat.row(chat.button(chat.t("btn.back"), Tap.HOST_PLANS, Long.toString(plan.hostId())))));
    }

    void askPromo(Chat chat, long planId) {
        catalog.offered(chat.customerId(), planId);
        sessions.save(chat.customerId(), "promo", Map.of("plan", Long.toString(planId)), clock.instant());
        chat.show(chat.t("promo.prompt"), Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.PLAN_CHOSEN,
                Long.toString(planId)))));
    }

    /** The typed promo code is tried on the plan right away, so a wrong one is said now, not at payment. */
    void promoTyped(Chat chat, String text, Map<String, String> context) {
        long planId = Long.parseLong(context.get("plan"));
        String code = text.strip();
        PaymentMethod probe = available(chat, Purchase.NEW_KEY, planId).stream().findFirst()
                .orElse(PaymentMethod.YOOKASSA);
        orders.quote(chat.customerId(), new PurchaseRequest(OrderKind.NEW_KEY, planId, null, null, probe, code));
        sessions.save(chat.customerId(), null, Map.of("promo", code), clock.instant());
        chat.send(chat.t("promo.applied", "code", code), List.of());
        methods(chat, Purchase.NEW_KEY, planId);
    }

    void methods(Chat chat, Purchase kind, long id) {
        List<PaymentMethod> usable = available(chat, kind, id);
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (PaymentMethod method : usable) {
            String label = method == PaymentMethod.BALANCE
                    ? chat.label("method.BALANCE", "balance", balances.balance(chat.customerId(), Currency.RUB).display(chat.language()))
                    : chat.label("method." + method.name());
            rows.add(Chat.row(chat.button(label, Tap.SUMMARY, kind.code, Long.toString(id), letter(method))));
        }
        if (promo(chat) != null) {
            rows.add(Chat.row(chat.button(chat.t("btn.promo_drop", "code", promo(chat)), Tap.PROMO_DROP, kind.code,
                    Long.toString(id))));
        }
        rows.add(Chat.row(back(chat, kind, id)));
        String text = usable.isEmpty() ? chat.t("buy.no_methods") : chat.t("buy.methods", "what", Chat.html(what(chat, kind, id)));
        chat.show(text, Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    /** The customer drops the promo code they brought (a deep link's or a typed one) and picks a method again. */
    void dropPromo(Chat chat, Purchase kind, long id) {
        Map<String, String> data = new HashMap<>(sessions.get(chat.customerId()).data());
        data.remove("promo");
        sessions.save(chat.customerId(), null, data, clock.instant());
        chat.send(chat.t("promo.dropped"), List.of());
        methods(chat, kind, id);
    }

    void summary(Chat chat, Purchase kind, long id, String letter) {
        PaymentMethod method = method(letter);
        Quote quote = orders.quote(chat.customerId(), request(chat, kind, id, method));
        StringBuilder discounts = new StringBuilder();
        if (quote.promoDiscountMinor() > 0) {
            discounts.append(chat.t("summary.promo", "code", promo(chat),
                    "amount", Money.of(quote.promoDiscountMinor(), quote.currency()).display(chat.language())));
        }
        if (quote.referralDiscountMinor() > 0) {
            discounts.append(chat.t("summary.referral",
                    "amount", Money.of(quote.referralDiscountMinor(), quote.currency()).display(chat.language())));
        }
        if (quote.bonusDays() > 0) {
            discounts.append(chat.t("summary.bonus_days", "days", quote.bonusDays()));
        }
        if (quote.balanceBonusMinor() > 0) {
            discounts.append(chat.t("summary.balance_bonus",
                    "amount", Money.of(quote.balanceBonusMinor(), Currency.RUB).display(chat.language())));
        }
        String amount = quote.amount().display(chat.language());
        String methodLabel = method == PaymentMethod.BALANCE
                ? chat.t("method.BALANCE", "balance", balances.balance(chat.customerId(), Currency.RUB).display(chat.language()))
                : chat.t("method." + method.name());
        String text = chat.t("summary", "what", Chat.html(what(chat, kind, id)),
                "base", Money.of(quote.baseMinor(), quote.currency()).display(chat.language()),
                "discounts", Chat.html(discounts.toString()), "amount", amount, "method", Chat.html(methodLabel));
        String payLabel = method == PaymentMethod.BALANCE ? chat.label("btn.pay_balance", "amount", amount)
                : chat.label("btn.pay", "amount", amount);
        boolean cardSavable = method == PaymentMethod.YOOKASSA && kind != Purchase.TOP_UP;
        boolean savingCard = cardSavable && savingCard(chat);
        if (savingCard) {
            // The consent is shown in full while it is ticked: these are the words recorded with the order.
            text += "\n\n" + chat.t("summary.card_consent", "consent", CardConsent.text(chat.language()));
        }
        chat.show(text, Chat.rows(
                Chat.row(cardSavable ? chat.button(chat.t(savingCard ? "btn.save_card_on" : "btn.save_card_off"),
                        Tap.SAVE_CARD, kind.code, Long.toString(id), letter) : null),
                Chat.row(chat.button(payLabel, Tap.PAY, kind.code, Long.toString(id), letter, nonce())),
                Chat.row(chat.button(chat.t("btn.back"), Tap.METHODS, kind.code, Long.toString(id)))));
    }

    /** Ticks or unticks "save the card for auto-renewal" on the summary (kept in the chat's session until paid). */
    void toggleSaveCard(Chat chat, Purchase kind, long id, String letter) {
        Map<String, String> data = new HashMap<>(sessions.get(chat.customerId()).data());
        if (data.remove(SAVE_CARD) == null) {
            data.put(SAVE_CARD, "1");
        }
        sessions.save(chat.customerId(), null, data, clock.instant());
        summary(chat, kind, id, letter);
    }

    private boolean savingCard(Chat chat) {
        return sessions.get(chat.customerId()).data().containsKey(SAVE_CARD);
    }

    /**
     * Places the order and starts its payment. Each summary's Pay button carries its own nonce, which makes the
     * idempotency key: tapping Pay twice (or Telegram delivering the tap twice) is one order, a new summary a new one.
     */
    void pay(Chat chat, Purchase kind, long id, String letter, String nonce) {
        PaymentMethod method = method(letter);
        String promo = promo(chat);
        String key = "bot-" + kind.code + id + "-" + letter + "-" + nonce;
        boolean saveCard = method == PaymentMethod.YOOKASSA && kind != Purchase.TOP_UP && savingCard(chat);
        OrderView order = checkout.checkout(chat.customerId(), request(chat, kind, id, method), key, saveCard);
        if (promo != null || saveCard) {
            sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        }
        String amount = Money.of(order.amountMinor(), order.currency()).display(chat.language());
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED) {
            chat.show(chat.t("pay.paid", "order", order.id()),
                    Chat.rows(Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
            return;
        }
        if (method == PaymentMethod.BANK_TRANSFER) {
            // No page to pay on: the shop's bank details, and the order waits for an admin to see the money arrive.
            chat.show(chat.t("pay.transfer", "order", order.id(), "amount", amount,
                    "instructions", settings.transferInstructions()),
                    Chat.rows(Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
            return;
        }
        String url = order.payment() == null ? null : order.payment().confirmationUrl();
        chat.show(chat.t("pay.link", "order", order.id(), "amount", amount), Chat.rows(
                Chat.row(url == null ? null : Chat.link(chat.label("btn.pay_link", "amount", amount), url)),
                Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
    }

    void topUp(Chat chat) {
        if (available(chat, Purchase.TOP_UP, 0).isEmpty()) {
            // Nothing can take a top-up (card payments are off): say so instead of offering amounts.
            chat.show(chat.t("topup.unavailable"), Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU))));
            return;
        }
        long min = settings.topUpMin();
        long max = settings.topUpMax();
        List<InlineKeyboardButton> presets = new ArrayList<>();
        for (long amount : TOP_UP_PRESETS) {
            if (amount >= min && amount <= max) {
                presets.add(chat.button(Money.of(amount, Currency.RUB).display(chat.language()), Tap.SUMMARY, Purchase.TOP_UP.code,
                        Long.toString(amount), "Y"));
            }
        }
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (int i = 0; i < presets.size(); i += 3) {
            rows.add(presets.subList(i, Math.min(i + 3, presets.size())).toArray(InlineKeyboardButton[]::new));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.topup_other"), Tap.TOP_UP_AMOUNT)));
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU)));
        chat.show(chat.t("topup", "min", rub(chat, min), "max", rub(chat, max),
                        "balance", balances.balance(chat.customerId(), Currency.RUB).display(chat.language())),
                Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    void askTopUpAmount(Chat chat) {
        if (available(chat, Purchase.TOP_UP, 0).isEmpty()) {
            topUp(chat);
            return;
        }
        sessions.save(chat.customerId(), "topup", Map.of(), clock.instant());
        chat.show(chat.t("topup.prompt", "min", rub(chat, settings.topUpMin()), "max", rub(chat, settings.topUpMax())),
                Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.TOP_UP))));
    }

    /**
     * A typed amount in roubles ("500", "500.50" or "500,5"); the order service judges the range. Anything it
     * refuses, or that isn't a number, is asked again.
     */
    void topUpTyped(Chat chat, String text) {
        Long kopecks = kopecks(text);
        try {
            if (kopecks != null) {
                summary(chat, Purchase.TOP_UP, kopecks, "Y");
                sessions.save(chat.customerId(), null, Map.of(), clock.instant());
                return;
            }
        } catch (InvalidInputException outOfRange) {
            if (outOfRange.errors().stream().noneMatch(e -> "amount_out_of_range".equals(e.code()))) {
                throw outOfRange;
            }
        }
        chat.send(chat.t("topup.invalid", "min", rub(chat, settings.topUpMin()), "max", rub(chat, settings.topUpMax())),
                List.of());
    }

    static Long kopecks(String text) {
        // "1 000,50" (Russian, spaces or the no-break ones amounts are shown with) and "1,000.50" both read.
        String s = text.strip().replace("\u00a0", "").replace(" ", "").replace("₽", "");
        s = s.contains(",") && s.contains(".") ? s.replace(",", "") : s.replace(',', '.');
        if (!s.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(s).movePointRight(2).longValueExact();
    }

    private PurchaseRequest request(Chat chat, Purchase kind, long id, PaymentMethod method) {
        return switch (kind) {
            case NEW_KEY -> new PurchaseRequest(OrderKind.NEW_KEY, id, null, null, method, promo(chat));
            case EXTEND_KEY -> new PurchaseRequest(OrderKind.EXTEND_KEY, null, id, null, method, promo(chat));
            case TOP_UP -> new PurchaseRequest(OrderKind.TOP_UP, null, null, id, PaymentMethod.TOP_UP, null);
        };
    }

    /** The methods the server says can pay for this purchase (switched on, priced in their currency). */
    private List<PaymentMethod> available(Chat chat, Purchase kind, long id) {
        return switch (kind) {
            case NEW_KEY -> orders.methodsFor(chat.customerId(), kind.kind, id, null);
            case EXTEND_KEY -> orders.methodsFor(chat.customerId(), kind.kind, null, id);
            case TOP_UP -> orders.methodsFor(chat.customerId(), kind.kind, null, null);
        };
    }

    private String what(Chat chat, Purchase kind, long id) {
        return switch (kind) {
            case NEW_KEY -> {
                PlanView plan = catalog.offered(chat.customerId(), id);
                String host = catalog.hosts(chat.customerId()).stream().filter(h -> h.id() == plan.hostId())
                        .map(CatalogService.CatalogHost::name).findFirst().orElse("");
                yield chat.t("what.new_key", "plan", Chat.html(planLine(chat, plan)), "host", host);
            }
            case EXTEND_KEY -> {
                KeyView key = keyQueries.getOwned(chat.customerId(), id);
                PlanView plan = plans.get(keys.planForExtension(chat.customerId(), id));
                yield chat.t("what.extend", "number", key.number(), "plan", Chat.html(planLine(chat, plan)));
            }
            case TOP_UP -> chat.t("what.top_up") + ": " + Money.of(id, Currency.RUB).display(chat.language());
        };
    }

    /** Back from the methods to where the purchase began: the plan, the key, or the top-up amounts. */
    private static InlineKeyboardButton back(Chat chat, Purchase kind, long id) {
        String label = chat.t("btn.back");
        return switch (kind) {
            case NEW_KEY -> chat.button(label, Tap.PLAN_CHOSEN, Long.toString(id));
            case EXTEND_KEY -> chat.button(label, Tap.KEY, Long.toString(id));
            case TOP_UP -> chat.button(label, Tap.TOP_UP);
        };
    }

    private String planLabel(Chat chat, PlanView plan) {
        return planLine(chat, plan).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A plan in one line: name, duration, traffic and its prices (HTML-escaped). */
    String planLine(Chat chat, PlanView plan) {
        String name = "en".equals(chat.language()) && plan.nameEn() != null ? plan.nameEn() : plan.nameRu();
        String duration = chat.t("duration." + plan.durationUnit().name(), "n", plan.durationValue());
        String traffic = plan.trafficLimitGb() == 0 ? chat.t("key.unlimited")
                : chat.t("traffic.gb", "n", plan.trafficLimitGb());
        String price = String.join(" / ", plan.prices().stream().map(m -> m.display(chat.language())).toList());
        return chat.t("plan.line", "name", name, "duration", duration, "traffic", traffic, "price", price);
    }

    private String promo(Chat chat) {
        return sessions.get(chat.customerId()).get("promo");
    }

    /** A method's one-letter name in buttons (sent buttons keep working: letters never change meaning). */
    private static String letter(PaymentMethod method) {
        return method == PaymentMethod.BANK_TRANSFER ? "T" : method.name().substring(0, 1);
    }

    private static PaymentMethod method(String letter) {
        return switch (letter) {
            case "Y" -> PaymentMethod.YOOKASSA;
            case "S" -> PaymentMethod.STARS;
            case "C" -> PaymentMethod.CRYPTOBOT;
            case "T" -> PaymentMethod.BANK_TRANSFER;
            case "B" -> PaymentMethod.BALANCE;
            default -> throw new IllegalArgumentException("unknown method " + letter);
        };
    }

    private static String rub(Chat chat, long kopecks) {
        return Money.of(kopecks, Currency.RUB).display(chat.language());
    }

    private static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }
}
