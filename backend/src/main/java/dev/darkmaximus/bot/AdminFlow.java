package dev.darkmaximus.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import dev.darkmaximus.auth.Role;
import dev.darkmaximus.auth.StaffService;
import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.bot.persistence.BotSessions;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.reporting.ShopStats;
import dev.darkmaximus.subscription.KeyQueries;
import dev.darkmaximus.subscription.KeyService;
import dev.darkmaximus.subscription.KeyView;

/**
 * {@code /admin} in chat for staff with the ADMIN role and a linked Telegram account (SPEC §8): today's figures,
 * find a customer, quick actions (ban/unban, balance adjustment with a reason, trial reset, extend a key), stuck
 * payments. Every action runs as that staff member, so the services audit it under their name, and every tap
 * re-checks the role.
 */
@Component
class AdminFlow {

    private final StaffService staff;
    private final CustomerService customers;
    private final BalanceService balances;
    private final KeyQueries keyQueries;
    private final KeyService keys;
    private final PaymentService payments;
    private final OrderService orders;
    private final ShopStats stats;
    private final BotSessions sessions;
    private final ShopSettings settings;
    private final Clock clock;

    AdminFlow(StaffService staff, CustomerService customers, BalanceService balances, KeyQueries keyQueries,
              KeyService keys, PaymentService payments, OrderService orders, ShopStats stats, BotSessions sessions, ShopSettings settings,
              Clock clock) {
        this.staff = staff;
        this.customers = customers;
        this.balances = balances;
        this.keyQueries = keyQueries;
        this.keys = keys;
        this.payments = payments;
        this.orders = orders;
        this.stats = stats;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The admin behind this chat, if the Telegram account is linked to an active ADMIN. */
    Optional<StaffService.StaffMember> admin(Chat chat) {
        return staff.activeByTelegramId(chat.customer().telegramId()).filter(s -> s.role() == Role.ADMIN);
    }

    void home(Chat chat) {
        ShopStats.Day today = stats.today(settings.timeZone());
        String ui = settings.adminUiUrl();
        chat.show(chat.t("admin", "revenue", Money.of(today.revenueRubMinor(), Currency.RUB).display(chat.language()),
                "stars", today.revenueStars(), "payments", today.payments(), "customers", today.newCustomers(),
                "keys", today.activeKeys()), Chat.rows(
                Chat.row(chat.button(chat.t("btn.admin_find"), Tap.ADMIN_FIND)),
                Chat.row(chat.button(chat.t("btn.admin_pending"), Tap.ADMIN_PENDING)),
                Chat.row(ui.isBlank() ? null : Chat.link(chat.t("btn.admin_broadcasts"), ui)),
                Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
    }

    void askQuery(Chat chat) {
        sessions.save(chat.customerId(), "admin_find", Map.of(), clock.instant());
        chat.show(chat.t("admin.find"), Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_HOME))));
    }

    void find(Chat chat, String query) {
        sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        List<CustomerView> found = customers.search(query, 8, null).customers();
        if (found.isEmpty()) {
            chat.send(chat.t("admin.none", "query", query), Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_HOME))));
            return;
        }
        if (found.size() == 1) {
            card(chat, found.getFirst().id(), true);
            return;
        }
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (CustomerView c : found) {
            rows.add(Chat.row(chat.button("#" + c.number() + " " + name(c), Tap.ADMIN_CARD, Long.toString(c.id()))));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_HOME)));
        chat.send(chat.t("admin.found"), Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    void card(Chat chat, long customerId, boolean asNewMessage) {
        CustomerView c = customers.get(customerId);
        String id = Long.toString(customerId);
        String text = chat.t("admin.customer", "number", c.number(), "name", name(c),
                "username", c.username() == null ? "" : "@" + c.username(), "telegram", c.telegramId(),
                "balance", balances.balance(customerId, Currency.RUB).display(chat.language()),
                "keys", keyQueries.forCustomer(customerId).size(), "trial", chat.t(c.trialUsed() ? "yes" : "no"),
                "banned", c.banned() ? chat.t("yes") + " (" + c.banReason() + ")" : chat.t("no"));
        var keyboard = Chat.rows(
                Chat.row(c.banned() ? chat.button(chat.t("btn.admin_unban"), Tap.ADMIN_UNBAN, id)
                        : chat.button(chat.t("btn.admin_ban"), Tap.ADMIN_BAN, id)),
                Chat.row(chat.button(chat.t("btn.admin_balance"), Tap.ADMIN_BALANCE, id)),
                Chat.row(chat.button(chat.t("btn.admin_trial"), Tap.ADMIN_TRIAL_RESET, id), chat.button(chat.t("btn.admin_keys"), Tap.ADMIN_KEYS, id)),
                Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_HOME)));
        if (asNewMessage) {
            chat.send(text, keyboard);
        } else {
            chat.show(text, keyboard);
        }
    }

    void askBanReason(Chat chat, long customerId) {
        CustomerView c = customers.get(customerId);
        sessions.save(chat.customerId(), "admin_ban", Map.of("customer", Long.toString(customerId)), clock.instant());
        chat.show(chat.t("admin.ban_reason", "number", c.number()),
                Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_CARD, Long.toString(customerId)))));
    }

    void ban(Chat chat, StaffService.StaffMember admin, String reason, Map<String, String> context) {
        long customerId = Long.parseLong(context.get("customer"));
        sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        as(admin, () -> customers.ban(customerId, reason));
        chat.send(chat.t("admin.done"), List.of());
        card(chat, customerId, true);
    }

    void unban(Chat chat, StaffService.StaffMember admin, long customerId) {
        as(admin, () -> customers.unban(customerId));
        card(chat, customerId, false);
    }

    void resetTrial(Chat chat, StaffService.StaffMember admin, long customerId) {
        as(admin, () -> customers.resetTrial(customerId));
        chat.notice(chat.t("admin.done"));
        card(chat, customerId, false);
    }

    void askBalance(Chat chat, long customerId) {
        customers.get(customerId);
        sessions.save(chat.customerId(), "admin_balance", Map.of("customer", Long.toString(customerId)),
                clock.instant());
        chat.show(chat.t("admin.balance_prompt"),
                Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_CARD, Long.toString(customerId)))));
    }

    /** "500 compensation" or "-100.50 mistake": roubles, then the reason (required by the ledger). */
    void adjustBalance(Chat chat, StaffService.StaffMember admin, String text, Map<String, String> context) {
        long customerId = Long.parseLong(context.get("customer"));
        String[] parts = text.strip().split("\\s+", 2);
        boolean negative = parts[0].startsWith("-");
        Long kopecks = ShopFlow.kopecks(negative ? parts[0].substring(1) : parts[0]);
        if (kopecks == null || kopecks == 0 || parts.length < 2 || parts[1].isBlank()) {
            chat.send(chat.t("admin.balance_invalid"), List.of());
            return;
        }
        sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        Money delta = Money.of(negative ? -kopecks : kopecks, Currency.RUB);
        as(admin, () -> balances.adjust(customerId, delta, parts[1].strip(), admin.username()));
        chat.send(chat.t("admin.done"), List.of());
        card(chat, customerId, true);
    }

    void keysOf(Chat chat, long customerId) {
        CustomerView c = customers.get(customerId);
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (KeyView key : keyQueries.allOfCustomer(customerId)) {
            rows.add(Chat.row(chat.button("#" + key.number() + " · " + key.hostName() + " · " + key.status(),
                    Tap.ADMIN_EXTEND, Long.toString(key.id()))));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_CARD, Long.toString(customerId))));
        chat.show(chat.t("admin.keys", "number", c.number()), Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    void askExtension(Chat chat, long keyId) {
        KeyView key = keyQueries.get(keyId);
        sessions.save(chat.customerId(), "admin_extend", Map.of("key", Long.toString(keyId)), clock.instant());
        chat.show(chat.t("admin.extend_prompt", "key", key.number()),
                Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_KEYS, Long.toString(key.customerId())))));
    }

    void extend(Chat chat, StaffService.StaffMember admin, String text, Map<String, String> context) {
        long keyId = Long.parseLong(context.get("key"));
        String days = text.strip();
        if (!days.matches("\\d{1,4}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > 3650) {
            chat.send(chat.t("admin.days_invalid"), List.of());
            return;
        }
        sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        KeyView key = as(admin, () -> keys.extendByDays(keyId, Integer.parseInt(days)));
        chat.send(chat.t("admin.done"), List.of());
        card(chat, key.customerId(), true);
    }

    void pending(Chat chat) {
        List<PaymentView> stuck = payments.stuck(clock.instant().minus(Duration.ofMinutes(10)), 15);
        StringBuilder lines = new StringBuilder();
        for (PaymentView p : stuck) {
            lines.append(chat.t("admin.pending.line", "payment", p.id(), "order", p.orderId(),
                    "customer", customers.get(orders.get(p.orderId()).customerId()).number(),
                    "amount", Money.of(p.amountMinor(), p.currency()).display(chat.language()),
                    "provider", p.provider().name(), "status", p.status().name())).append('\n');
        }
        chat.show(stuck.isEmpty() ? chat.t("admin.pending.none")
                        : chat.t("admin.pending", "lines", Chat.html(lines.toString().strip())),
                Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.ADMIN_HOME))));
    }

    /** Runs a service call as the admin, so its audit entry names them. */
    private static <T> T as(StaffService.StaffMember admin, Supplier<T> action) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        Jwt jwt = Jwt.withTokenValue("telegram-admin").header("alg", "none").subject("staff:" + admin.id())
                .claim("name", admin.username()).claim("via", "telegram").build();
        context.setAuthentication(new JwtAuthenticationToken(jwt));
        try {
            return action.get();
        } finally {
            context.setAuthentication(previous);
        }
    }

    private static String name(CustomerView c) {
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
                .strip();
        return name.isEmpty() ? "—" : name;
    }
}
