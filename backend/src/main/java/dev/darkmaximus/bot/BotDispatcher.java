package dev.darkmaximus.bot;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

import dev.darkmaximus.auth.StaffService;
import dev.darkmaximus.bot.persistence.BotSessions;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.customer.TelegramProfile;
import dev.darkmaximus.messaging.Maintenance;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.payment.stars.StarsPayments;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.ratelimit.RateLimiter;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Routes one update: payments to the Stars service, everything a customer types or taps to the flow it belongs to.
 * Bans, the flood limit and the forged-button check happen here, before any flow runs. Refusals from the services
 * come back as their code and are said in the customer's language; nothing else leaks to the chat.
 */
@Component
class BotDispatcher {

    private static final Logger log = LoggerFactory.getLogger(BotDispatcher.class);

    private final CustomerService customers;
    private final BotSessions sessions;
    private final RateLimiter limiter;
    private final StarsPayments stars;
    private final BotApiClient api;
    private final Templates templates;
    private final CallbackCodec codec;
    private final ShopSettings settings;
    private final Clock clock;
    private final Onboarding onboarding;
    private final ShopFlow shop;
    private final KeysFlow keys;
    private final AccountFlow account;
    private final SupportFlow support;
    private final AdminFlow admin;
    private final ForumRelay forum;
    private final Maintenance maintenance;
    private final StaffService staff;

    BotDispatcher(CustomerService customers, BotSessions sessions, RateLimiter limiter, StarsPayments stars,
                  BotApiClient api, Templates templates, CallbackCodec codec, ShopSettings settings, Clock clock,
                  Onboarding onboarding, ShopFlow shop, KeysFlow keys, AccountFlow account, SupportFlow support,
                  AdminFlow admin, ForumRelay forum, Maintenance maintenance, StaffService staff) {
        this.maintenance = maintenance;
        this.staff = staff;
        this.customers = customers;
        this.sessions = sessions;
        this.limiter = limiter;
        this.stars = stars;
        this.api = api;
        this.templates = templates;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
        this.onboarding = onboarding;
        this.shop = shop;
        this.keys = keys;
        this.account = account;
        this.support = support;
        this.admin = admin;
        this.forum = forum;
    }

    /** Payment updates must not be lost: their failures propagate so the update is delivered again. */
    static boolean isPayment(Update update) {
        return update.hasPreCheckoutQuery()
                || (update.hasMessage() && update.getMessage().hasSuccessfulPayment());
    }

    void dispatch(Update update) {
        if (update.hasPreCheckoutQuery()) {
            PreCheckoutQuery q = update.getPreCheckoutQuery();
            stars.preCheckout(q.getId(), q.getFrom().getId(), q.getCurrency(), q.getTotalAmount(),
                    q.getInvoicePayload());
            return;
        }
        if (update.hasMessage() && update.getMessage().hasSuccessfulPayment()) {
            Message m = update.getMessage();
            SuccessfulPayment paid = m.getSuccessfulPayment();
            try {
                stars.successfulPayment(m.getFrom().getId(), paid.getCurrency(), paid.getTotalAmount(),
                        paid.getInvoicePayload(), paid.getTelegramPaymentChargeId(), api.json(paid));
            } catch (IllegalArgumentException notOurs) {
                log.atError().log("successful_payment not matching any order: {}", notOurs.getMessage());
            }
            return;
        }
        if (update.getMyChatMember() != null) {
            memberChanged(update);
            return;
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            if (q.getMessage() == null || q.getFrom().getIsBot()) {
                return;
            }
            converse(q.getFrom(), q.getMessage().getChatId(), q.getMessage().getMessageId(), q.getId(), null,
                    List.of(), q.getData());
            return;
        }
        if (update.hasMessage()) {
            Message m = update.getMessage();
            if (m.getFrom() == null || m.getFrom().getIsBot()) {
                return;
            }
            if (forum.isForum(m.getChatId())) {
                forum.operatorWrote(m);
                return;
            }
            if (!m.isUserMessage() || (!m.hasText() && !m.hasPhoto())) {
                return;
            }
            converse(m.getFrom(), m.getChatId(), null, null, m.hasText() ? m.getText() : m.getCaption(),
                    ForumRelay.photos(m), null);
        }
    }

    private void converse(User from, long chatId, Integer messageId, String callbackId, String text,
                          List<String> photos, String data) {
        String startPayload = text != null && text.startsWith("/start") ? startPayload(text) : null;
        CustomerService.Contact contact = customers.contactFromBot(profile(from), startPayload);
        CustomerView customer = contact.customer();
        Chat chat = new Chat(api, templates, codec, customer, chatId, messageId, callbackId);
        try {
            if (customer.banned()) {
                if (sessions.noteBanNotice(customer.id(), customer.bannedAt(), clock.instant())) {
                    chat.send(chat.t("banned", "support", settings.supportContact()), List.of());
                }
                return;
            }
            if (!limiter.tryConsume("bot:" + customer.id(), settings.botUpdatesPerMinute()).allowed()) {
                if (limiter.tryConsume("bot-flood-notice:" + customer.id(), 1).allowed()) {
                    chat.notice(chat.t("flood"));
                }
                return;
            }
            if (maintenance.on() && staff.activeByTelegramId(customer.telegramId()).isEmpty()) {
                // Payments and chat membership were handled above and go on; a customer's conversation waits.
                chat.notice(maintenance.text(customer.language()));
                return;
            }
            if (data != null) {
                tapped(chat, from.getId(), data);
            } else {
                typed(chat, text == null ? "" : text, photos, startPayload, contact.created());
            }
        } catch (ApiException refused) {
            chat.notice(refusal(chat, refused));
        } catch (TelegramBotApi.Blocked blocked) {
            customers.markUnreachable(customer.id());
        } catch (TelegramBotApi.RetryLater | TelegramBotApi.Refused telegram) {
            log.atWarn().addKeyValue("customer", customer.id()).log("Telegram refused a reply: {}",
                    telegram.getMessage());
        } catch (RuntimeException bug) {
            log.atError().setCause(bug).addKeyValue("customer", customer.id()).log("bot flow failed");
            try {
                chat.notice(chat.t("error.generic"));
            } catch (RuntimeException ignored) {
                // Telegram is unreachable too; the log has the cause.
            }
        } finally {
            chat.finish();
        }
    }

    private void typed(Chat chat, String text, List<String> photos, String startPayload, boolean newcomer) {
        String command = text.startsWith("/") ? text.split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT) : "";
        if (command.equals("/start")) {
            sessions.save(chat.customerId(), null, sessions.get(chat.customerId()).data(), clock.instant());
            onboarding.start(chat, startPayload, newcomer, keys);
            return;
        }
        if (!onboarding.passesGates(chat)) {
            return;
        }
        BotSessions.Session session = sessions.get(chat.customerId());
        if (command.isEmpty() && session.awaiting() != null) {
            awaited(chat, session, text, photos);
            return;
        }
        if (session.awaiting() != null) {
            sessions.save(chat.customerId(), null, Map.copyOf(session.data()), clock.instant());
        }
        switch (command) {
            case "/menu" -> onboarding.menu(chat);
            case "/buy" -> shop.hosts(chat);
            case "/keys" -> keys.list(chat);
            case "/profile" -> account.profile(chat);
            case "/topup" -> shop.topUp(chat);
            case "/referral" -> account.referral(chat);
            case "/help" -> account.help(chat);
            case "/language", "/lang" -> account.languages(chat);
            case "/support" -> support.open(chat);
            case "/admin" -> {
                if (admin.admin(chat).isPresent()) {
                    admin.home(chat);
                } else {
                    chat.send(chat.t("admin.denied"), List.of());
                }
            }
            default -> {
                if (!command.isEmpty()) {
                    chat.send(chat.t("unknown"), List.of());
                }
                onboarding.menu(chat);
            }
        }
    }

    /** Text the bot asked for: a promo code, an amount, withdrawal details, a support message, admin input. */
    private void awaited(Chat chat, BotSessions.Session session, String text, List<String> photos) {
        if (session.awaiting().equals("support")) {
            support.written(chat, text, photos);
            return;
        }
        if (text.isBlank()) {
            return;
        }
        if (session.awaiting().startsWith("admin_")) {
            Optional<StaffService.StaffMember> staff = admin.admin(chat);
            if (staff.isEmpty()) {
                sessions.save(chat.customerId(), null, Map.of(), clock.instant());
                onboarding.menu(chat);
                return;
            }
            switch (session.awaiting()) {
                case "admin_find" -> admin.find(chat, text.strip());
                case "admin_ban" -> admin.ban(chat, staff.get(), text.strip(), session.data());
                case "admin_balance" -> admin.adjustBalance(chat, staff.get(), text, session.data());
                case "admin_extend" -> admin.extend(chat, staff.get(), text, session.data());
                default -> onboarding.menu(chat);
            }
            return;
        }
        switch (session.awaiting()) {
            case "promo" -> shop.promoTyped(chat, text, session.data());
            case "topup" -> shop.topUpTyped(chat, text);
            case "withdraw" -> account.withdrawalDetailsTyped(chat, text, session.data());
            default -> onboarding.menu(chat);
        }
    }

    /** Staff buttons; the role is checked again on every tap. */
    private void adminTapped(Chat chat, Tap tap, List<String> p) {
        Optional<StaffService.StaffMember> staff = admin.admin(chat);
        if (staff.isEmpty()) {
            chat.notice(chat.t("admin.denied"));
            return;
        }
        switch (tap) {
            case ADMIN_HOME -> admin.home(chat);
            case ADMIN_FIND -> admin.askQuery(chat);
            case ADMIN_PENDING -> admin.pending(chat);
            case ADMIN_CARD -> admin.card(chat, id(p, 1), false);
            case ADMIN_BAN -> admin.askBanReason(chat, id(p, 1));
            case ADMIN_UNBAN -> admin.unban(chat, staff.get(), id(p, 1));
            case ADMIN_BALANCE -> admin.askBalance(chat, id(p, 1));
            case ADMIN_TRIAL_RESET -> admin.resetTrial(chat, staff.get(), id(p, 1));
            case ADMIN_KEYS -> admin.keysOf(chat, id(p, 1));
            case ADMIN_EXTEND -> admin.askExtension(chat, id(p, 1));
            default -> chat.notice(chat.t("stale"));
        }
    }

    private void tapped(Chat chat, long userId, String data) {
        Optional<List<String>> decoded = codec.decode(userId, data);
        if (decoded.isEmpty()) {
            log.atWarn().addKeyValue("customer", chat.customerId()).log("refused forged or foreign callback data");
            chat.notice(chat.t("stale"));
            return;
        }
        List<String> p = decoded.get();
        Optional<Tap> known = Tap.of(p.getFirst());
        if (known.isEmpty()) {
            chat.notice(chat.t("stale"));
            return;
        }
        Tap tap = known.get();
        if (tap == Tap.TERMS_ACCEPT) {
            onboarding.acceptTerms(chat);
            return;
        }
        if (tap == Tap.CHANNEL_CHECK) {
            onboarding.recheckChannel(chat);
            return;
        }
        if (sessions.get(chat.customerId()).awaiting() != null) {
            // A tap leaves whatever the bot was waiting for; flows that wait again set it anew.
            sessions.save(chat.customerId(), null, Map.copyOf(sessions.get(chat.customerId()).data()), clock.instant());
        }
        if (tap.admin) {
            adminTapped(chat, tap, p);
            return;
        }
        if (!onboarding.passesGates(chat)) {
            return;
        }
        switch (tap) {
            case MENU -> onboarding.menu(chat);
            case SUPPORT -> support.open(chat);
            case SUPPORT_CLOSE -> support.close(chat, id(p, 1));
            case BUY -> shop.hosts(chat);
            case HOST_PLANS -> shop.plans(chat, id(p, 1));
            case PLAN_CHOSEN -> shop.planChosen(chat, id(p, 1));
            case PROMO_ASK -> shop.askPromo(chat, id(p, 1));
            case METHODS -> shop.methods(chat, Purchase.of(p.get(1)), id(p, 2));
            case PROMO_DROP -> shop.dropPromo(chat, Purchase.of(p.get(1)), id(p, 2));
            case SUMMARY -> shop.summary(chat, Purchase.of(p.get(1)), id(p, 2), p.get(3));
            case PAY -> shop.pay(chat, Purchase.of(p.get(1)), id(p, 2), p.get(3), p.get(4));
            case SAVE_CARD -> shop.toggleSaveCard(chat, Purchase.of(p.get(1)), id(p, 2), p.get(3));
            case CARDS -> account.cards(chat);
            case CARD_REMOVE -> account.removeCard(chat, id(p, 1));
            case TOP_UP -> shop.topUp(chat);
            case TOP_UP_AMOUNT -> shop.askTopUpAmount(chat);
            case KEYS -> keys.list(chat);
            case KEY -> keys.card(chat, id(p, 1));
            case KEY_QR -> keys.qr(chat, id(p, 1));
            case KEY_PLATFORMS -> keys.platforms(chat, id(p, 1));
            case KEY_INSTRUCTIONS -> keys.instructions(chat, id(p, 1), p.get(2));
            case KEY_AUTO_RENEW -> keys.toggleAutoRenew(chat, id(p, 1));
            case TRIAL -> keys.trial(chat, p.size() > 1 ? id(p, 1) : null);
            case PROFILE -> account.profile(chat);
            case HISTORY -> account.history(chat, id(p, 1));
            case AUTO_RENEW_DEFAULT -> account.toggleAutoRenewDefault(chat);
            case LANGUAGES -> account.languages(chat);
            case LANGUAGE -> {
                account.setLanguage(chat, p.get(1));
                onboarding.menu(chat);
            }
            case REFERRAL -> account.referral(chat);
            case WITHDRAW -> account.withdrawalMethods(chat);
            case WITHDRAW_METHOD -> account.askWithdrawalDetails(chat, p.get(1));
            case HELP -> account.help(chat);
            default -> chat.notice(chat.t("stale"));
        }
    }

    /** What a service's refusal means to the customer: its code's text, else a field error's code, else generic. */
    private static String refusal(Chat chat, ApiException e) {
        if (e instanceof InvalidInputException invalid && !invalid.errors().isEmpty()
                && chat.has("error." + invalid.errors().getFirst().code())) {
            return chat.t("error." + invalid.errors().getFirst().code());
        }
        if (chat.has("error." + e.code())) {
            return chat.t("error." + e.code());
        }
        log.atWarn().addKeyValue("code", e.code()).log("bot shows a generic refusal for {}", e.getMessage());
        return chat.t("error.generic");
    }

    /** The bot was blocked (kicked) or unblocked in a private chat. */
    private void memberChanged(Update update) {
        var change = update.getMyChatMember();
        if (change.getChat() == null || !"private".equals(change.getChat().getType())) {
            return;
        }
        String status = change.getNewChatMember().getStatus();
        if ("kicked".equals(status)) {
            customers.findByTelegramId(change.getFrom().getId()).ifPresent(c -> customers.markUnreachable(c.id()));
        }
    }

    private static long id(List<String> parts, int index) {
        return Long.parseLong(parts.get(index));
    }

    private static String startPayload(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        return parts.length > 1 && parts[1].length() <= 64 ? parts[1] : null;
    }

    private static TelegramProfile profile(User from) {
        return new TelegramProfile(from.getId(), from.getUserName(), from.getFirstName(), from.getLastName(),
                from.getLanguageCode());
    }
}
