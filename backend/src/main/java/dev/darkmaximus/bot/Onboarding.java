package dev.darkmaximus.bot;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PromoService;
import dev.darkmaximus.bot.persistence.BotSessions;
import dev.darkmaximus.customer.AccessGates;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.TelegramBotApi;
import dev.darkmaximus.subscription.KeyQueries;

/**
 * The way in: {@code /start} with its deep links, the welcome, the terms and the required channel (SPEC §8), and the
 * main menu every other screen returns to.
 */
@Component
class Onboarding {

    private final CustomerService customers;
    private final BalanceService balances;
    private final KeyQueries keys;
    private final OrderService orders;
    private final BotSessions sessions;
    private final ShopSettings settings;
    private final Clock clock;
    private final PromoService promos;
    private final AccessGates gates;

    Onboarding(CustomerService customers, BalanceService balances, KeyQueries keys, OrderService orders,
               BotSessions sessions, ShopSettings settings, PromoService promos,
               AccessGates gates, Clock clock) {
        this.promos = promos;
        this.gates = gates;
        this.customers = customers;
        this.balances = balances;
        this.keys = keys;
        this.orders = orders;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * {@code /start [payload]}. The referrer was already bound when the customer was registered (before anything
     * else, as SPEC §8 asks); a promo code is kept for the next purchase; key and order links open their screen
     * once the customer is through the gates.
     */
    void start(Chat chat, String payload, boolean newcomer, KeysFlow keysFlow) {
        if (newcomer) {
            chat.send(chat.t("welcome", "shop", settings.shopName()), List.of());
        }
        String promo = payload != null && payload.matches("promo_[A-Za-z0-9_-]{1,58}") ? payload.substring(6) : null;
        if (promo != null) {
            // Checked when it arrives: a code that can't apply is said now and not kept for the next purchase.
            Optional<String> refusal = promos.refusalFor(promo, chat.customerId());
            if (refusal.isPresent()) {
                chat.send(chat.t(chat.has("error." + refusal.get()) ? "error." + refusal.get() : "error.promo_not_found"),
                        List.of());
            } else {
                Map<String, String> data = new HashMap<>(sessions.get(chat.customerId()).data());
                data.put("promo", promo);
                sessions.save(chat.customerId(), null, data, clock.instant());
                chat.send(chat.t("promo.applied", "code", promo), List.of());
            }
        }
        if (!passesGates(chat)) {
            return;
        }
        if (payload != null && payload.matches("key_\\d{1,18}")) {
            keysFlow.card(chat, Long.parseLong(payload.substring(4)));
            return;
        }
        if (payload != null && payload.matches("pay_\\d{1,18}")) {
            OrderView order = orders.getOwned(chat.customerId(), Long.parseLong(payload.substring(4)));
            chat.send(chat.t("order." + order.status().name().toLowerCase(Locale.ROOT),
                    "order", order.id()), List.of());
        }
        menu(chat);
    }

    /**
     * Terms first, then the channel. Shows the gate's screen and says false when the customer isn't through yet.
     */
    boolean passesGates(Chat chat) {
        if (gates.termsPending(chat.customer())) {
            chat.show(chat.t("terms", "url", settings.termsUrl()),
                    Chat.rows(Chat.row(chat.button(chat.t("btn.terms_accept"), Tap.TERMS_ACCEPT))));
            return false;
        }
        boolean inChannel;
        try {
            inChannel = inRequiredChannel(chat);
        } catch (TelegramBotApi.RetryLater telegramTrouble) {
            chat.notice(chat.t("channel.check_failed"));
            return false;
        }
        if (!inChannel) {
            String link = settings.requiredChannelLink();
            chat.show(chat.t("channel"), Chat.rows(
                    Chat.row(link.isBlank() ? null : Chat.link(chat.t("btn.channel_join"), link)),
                    Chat.row(chat.button(chat.t("btn.channel_check"), Tap.CHANNEL_CHECK))));
            return false;
        }
        return true;
    }

    void acceptTerms(Chat chat) {
        customers.acceptTerms(chat.customerId());
        chat.refresh(customers.get(chat.customerId()));
        if (passesGates(chat)) {
            menu(chat);
        }
    }

    void recheckChannel(Chat chat) {
        gates.recheck(chat.customer().telegramId());
        boolean in;
        try {
            in = inRequiredChannel(chat);
        } catch (TelegramBotApi.RetryLater telegramTrouble) {
            // Telegram couldn't say (5xx, flood limit): the customer gets an answer, not silence.
            chat.notice(chat.t("channel.check_failed"));
            return;
        }
        if (!in) {
            chat.notice(chat.t("channel.not_yet"));
            return;
        }
        if (passesGates(chat)) {
            menu(chat);
        }
    }

    void menu(Chat chat) {
        long customerId = chat.customerId();
        long active = keys.forCustomer(customerId).stream().filter(k -> "active".equals(k.status())).count();
        String balance = balances.balance(customerId, Currency.RUB).display(chat.language());
        boolean trial = chat.customer().trialAvailable();
        String app = settings.miniAppUrl();
        chat.show(chat.t("menu", "shop", settings.shopName(), "balance", balance, "keys", active), Chat.rows(
                Chat.row(chat.button(chat.t("btn.buy"), Tap.BUY), chat.button(chat.t("btn.keys"), Tap.KEYS)),
                Chat.row(trial ? chat.button(chat.t("btn.trial"), Tap.TRIAL) : null),
                Chat.row(chat.button(chat.t("btn.profile"), Tap.PROFILE), chat.button(chat.t("btn.topup"), Tap.TOP_UP)),
                Chat.row(chat.button(chat.t("btn.referral"), Tap.REFERRAL), chat.button(chat.t("btn.support"), Tap.SUPPORT)),
                Chat.row(chat.button(chat.t("btn.help"), Tap.HELP), chat.button(chat.t("btn.language"), Tap.LANGUAGES)),
                Chat.row(app.isBlank() ? null : Chat.webApp(chat.t("btn.app"), app))));
    }

    private boolean inRequiredChannel(Chat chat) {
        return gates.inRequiredChannel(chat.customer());
    }
}
