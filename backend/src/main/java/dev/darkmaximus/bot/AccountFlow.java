package dev.darkmaximus.bot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.LedgerLine;
import dev.darkmaximus.billing.ReferralInfo;
import dev.darkmaximus.billing.ReferralService;
import dev.darkmaximus.bot.persistence.BotSessions;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.payment.cards.SavedCardView;
import dev.darkmaximus.payment.cards.SavedCards;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.KeyQueries;

/** Profile, transaction history, language, the referral program with withdrawals, and help (SPEC §8). */
@Component
class AccountFlow {

    private static final int HISTORY_PAGE = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CustomerService customers;
    private final BalanceService balances;
    private final ReferralService referrals;
    private final KeyQueries keys;
    private final SavedCards cards;
    private final BotSessions sessions;
    private final ShopSettings settings;
    private final Clock clock;

    AccountFlow(CustomerService customers, BalanceService balances, ReferralService referrals, KeyQueries keys,
                SavedCards cards, BotSessions sessions, ShopSettings settings, Clock clock) {
        this.cards = cards;
        this.customers = customers;
        this.balances = balances;
        this.referrals = referrals;
        this.keys = keys;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    void profile(Chat chat) {
        long id = chat.customerId();
        boolean auto = chat.customer().autoRenewDefault();
        List<Money> spent = balances.totalSpent(id);
        String spentText = spent.isEmpty() ? Money.of(0, Currency.RUB).display(chat.language())
                : String.join(" + ", spent.stream().map(m -> m.display(chat.language())).toList());
        chat.show(chat.t("profile", "number", chat.customer().number(), "spent", spentText,
                "balance", balances.balance(id, Currency.RUB).display(chat.language()), "keys", keys.forCustomer(id).size(),
                "earned", Money.of(referrals.info(id).earnedMinor(), Currency.RUB).display(chat.language()),
                "language", "en".equals(chat.language()) ? "English" : "Русский",
                "auto", chat.t(auto ? "yes" : "no")), Chat.rows(
                Chat.row(chat.button(chat.t("btn.history"), Tap.HISTORY, "0")),
                Chat.row(chat.button(chat.t(auto ? "btn.autorenew_default_on" : "btn.autorenew_default_off"), Tap.AUTO_RENEW_DEFAULT)),
                Chat.row(cards.of(id).isEmpty() ? null : chat.button(chat.t("btn.cards"), Tap.CARDS)),
                Chat.row(chat.button(chat.t("btn.language"), Tap.LANGUAGES)),
                Chat.row(chat.button(chat.t("btn.back"), Tap.MENU))));
    }

    /** Ten statement lines at a time, newest first; {@code before} is the oldest line id already shown (0: none). */
    void history(Chat chat, long before) {
        List<LedgerLine> lines = balances.statement(chat.customerId(), before == 0 ? null : before, HISTORY_PAGE);
        StringBuilder text = new StringBuilder();
        for (LedgerLine line : lines) {
            String amount = (line.amountMinor() > 0 ? "+" : "") + Money.of(line.amountMinor(), line.currency()).display(chat.language());
            text.append(chat.t("history.line", "date", DAY.format(line.createdAt().atZone(settings.timeZone())),
                    "amount", amount, "kind", chat.t("kind." + line.kind().name()))).append('\n');
        }
        chat.show(lines.isEmpty() ? chat.t("history.empty")
                        : chat.t("history", "lines", Chat.html(text.toString().strip())),
                Chat.rows(
                        Chat.row(lines.size() == HISTORY_PAGE
                                ? chat.button(chat.t("btn.older"), Tap.HISTORY, Long.toString(lines.getLast().id())) : null),
                        Chat.row(chat.button(chat.t("btn.back"), Tap.PROFILE))));
    }

    /** The cards saved for auto-renewal, each with a button to remove it. */
    void cards(Chat chat) {
        List<SavedCardView> saved = cards.of(chat.customerId());
        StringBuilder text = new StringBuilder();
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        for (SavedCardView card : saved) {
            text.append(chat.t("cards.line", "card", card.title(),
                    "date", DAY.format(card.savedAt().atZone(settings.timeZone())))).append('\n');
            rows.add(Chat.row(chat.button(chat.label("btn.card_remove", "card", card.title()), Tap.CARD_REMOVE,
                    Long.toString(card.id()))));
        }
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.PROFILE)));
        chat.show(saved.isEmpty() ? chat.t("cards.empty") : chat.t("cards", "lines", Chat.html(text.toString().strip())),
                Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    void removeCard(Chat chat, long cardId) {
        try {
            cards.removeOwn(chat.customerId(), cardId);
            chat.send(chat.t("cards.removed"), List.of());
        } catch (ApiException gone) {
            // Removed already (a second tap): the list below says how things stand.
        }
        cards(chat);
    }

    void toggleAutoRenewDefault(Chat chat) {
        customers.setAutoRenewDefault(chat.customerId(), !chat.customer().autoRenewDefault());
        chat.refresh(customers.get(chat.customerId()));
        profile(chat);
    }

    void languages(Chat chat) {
        chat.show(chat.t("language"), Chat.rows(
                Chat.row(chat.button("🇷🇺 Русский", Tap.LANGUAGE, "ru"), chat.button("🇬🇧 English", Tap.LANGUAGE, "en")),
                Chat.row(chat.button(chat.t("btn.back"), Tap.MENU))));
    }

    void setLanguage(Chat chat, String language) {
        chat.refresh(customers.setLanguage(chat.customerId(), language));
        chat.notice(chat.t("language.set"));
    }

    void referral(Chat chat) {
        if (!settings.referralEnabled()) {
            chat.show(chat.t("referral.off"), Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU))));
            return;
        }
        ReferralInfo info = referrals.info(chat.customerId());
        // Without the bot's username configured there is no t.me link; the start command still works.
        String link = info.link() != null ? info.link() : "/start " + info.startParameter();
        StringBuilder text = new StringBuilder(chat.t("referral", "link", link, "percent", info.rewardPercent(),
                "discount", info.firstPurchaseDiscountPercent(), "invitees", info.invitees(),
                "earned", rub(chat, info.earnedMinor()), "available", rub(chat, info.balanceMinor())));
        boolean canWithdraw = info.openWithdrawal() == null && info.balanceMinor() > 0
                && info.balanceMinor() >= info.withdrawalMinimumMinor();
        if (info.openWithdrawal() != null) {
            text.append(chat.t("referral.pending", "amount", rub(chat, info.openWithdrawal().amountMinor())));
        } else if (!canWithdraw) {
            text.append(chat.t("referral.minimum", "min", rub(chat, info.withdrawalMinimumMinor())));
        }
        String share = "https://t.me/share/url?url=" + URLEncoder.encode(link,
                StandardCharsets.UTF_8);
        chat.show(text.toString(), Chat.rows(
                Chat.row(link.startsWith("https://") ? Chat.link(chat.t("btn.share"), share) : null),
                Chat.row(canWithdraw ? chat.button(chat.label("btn.withdraw", "amount", rub(chat, info.balanceMinor())), Tap.WITHDRAW)
                        : null),
                Chat.row(chat.button(chat.t("btn.back"), Tap.MENU))));
    }

    void withdrawalMethods(Chat chat) {
        ReferralInfo info = referrals.info(chat.customerId());
        chat.show(chat.t("withdraw.method", "amount", rub(chat, info.balanceMinor())), Chat.rows(
                Chat.row(chat.button(chat.t("btn.withdraw_card"), Tap.WITHDRAW_METHOD, "card")),
                Chat.row(chat.button(chat.t("btn.withdraw_phone"), Tap.WITHDRAW_METHOD, "phone")),
                Chat.row(chat.button(chat.t("btn.back"), Tap.REFERRAL))));
    }

    void askWithdrawalDetails(Chat chat, String method) {
        String m = "phone".equals(method) ? "phone" : "card";
        sessions.save(chat.customerId(), "withdraw", Map.of("method", m), clock.instant());
        chat.show(chat.t("withdraw.prompt." + m), Chat.rows(Chat.row(chat.button(chat.t("btn.back"), Tap.REFERRAL))));
    }

    /** The whole referral balance is requested; the service checks the minimum and that none is pending. */
    void withdrawalDetailsTyped(Chat chat, String details, Map<String, String> context) {
        ReferralInfo info = referrals.info(chat.customerId());
        String method = "phone".equals(context.get("method")) ? "PHONE" : "CARD";
        referrals.requestWithdrawal(chat.customerId(), info.balanceMinor(), method, details.strip());
        sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        chat.send(chat.t("withdraw.requested", "amount", rub(chat, info.balanceMinor())),
                Chat.rows(Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
    }

    void help(Chat chat) {
        List<InlineKeyboardButton[]> rows = new ArrayList<>();
        rows.add(Chat.row(chat.button(chat.t("btn.instructions"), Tap.KEY_PLATFORMS, "0")));
        rows.add(Chat.row(chat.button(chat.t("btn.support"), Tap.SUPPORT)));
        rows.add(Chat.row(chat.button(chat.t("btn.back"), Tap.MENU)));
        chat.show(chat.t("help", "support", settings.supportContact()), Chat.rows(rows.toArray(InlineKeyboardButton[][]::new)));
    }

    private static String rub(Chat chat, long kopecks) {
        return Money.of(kopecks, Currency.RUB).display(chat.language());
    }
}
