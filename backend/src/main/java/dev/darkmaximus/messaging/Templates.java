package dev.darkmaximus.messaging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Component;

import dev.darkmaximus.messaging.persistence.TemplateOverrides;

/**
 * Customer-facing texts by template key, ru and en, with named {@code {placeholders}} (SPEC §11). Defaults ship
 * in code (the chat bot's in {@code templates/bot_*.properties}); an admin's wording ({@link TemplateService})
 * takes precedence. Overrides are cached briefly: a change shows at once on the node that saved it and within
 * {@link #OVERRIDES_TTL} on the others.
 */
@Component
public class Templates {

    public static final String KEY_READY = "key.ready";
    public static final String KEY_EXTENDED = "key.extended";
    public static final String KEY_EXPIRING = "key.expiring";
    public static final String KEY_EXPIRED = "key.expired";
    public static final String KEY_WILL_RENEW = "key.will_renew";
    public static final String KEY_RENEWED = "key.renewed";
    public static final String KEY_WILL_RENEW_CARD = "key.will_renew_card";
    public static final String CARD_SAVED = "card.saved";
    public static final String CARD_REMOVED = "card.removed";
    public static final String RENEWAL_BALANCE_LOW = "key.renewal_failed.balance";
    public static final String RENEWAL_PLAN_GONE = "key.renewal_failed.plan";
    public static final String KEY_FAILED = "key.provisioning_failed";
    public static final String KEY_DELAYED = "key.provisioning_delayed";
    public static final String PAYMENT_RECEIVED = "payment.received";
    public static final String BALANCE_TOPPED_UP = "balance.topped_up";
    public static final String PAYMENT_REFUNDED = "payment.refunded";
    public static final String REFERRAL_REWARD = "referral.reward";
    public static final String WITHDRAWAL_APPROVED = "referral.withdrawal_approved";
    public static final String WITHDRAWAL_DECLINED = "referral.withdrawal_declined";
    public static final String STAFF_MESSAGE = "staff.message";
    public static final String MAINTENANCE = "shop.maintenance";

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    static final Duration OVERRIDES_TTL = Duration.ofSeconds(30);

    private final TemplateOverrides overrides;
    private final LoadingCache<String, Map<String, String>> overrideCache;

    Templates(TemplateOverrides overrides) {
        this.overrides = overrides;
        this.overrideCache = Caffeine.newBuilder().expireAfterWrite(OVERRIDES_TTL)
                .build(all -> {
                    Map<String, String> byKey = new HashMap<>();
                    overrides.all().forEach(row -> byKey.put(row.templateKey() + "|" + row.language(), row.text()));
                    return Map.copyOf(byKey);
                });
    }

    private static final Map<String, Map<String, String>> DEFAULTS = Map.ofEntries(
            Map.entry(KEY_READY, Map.of(
                    "ru", "🔑 Ключ #{key_number} готов и действует до {expires_at}.\n\n<code>{link}</code>\n\n"
                            + "Нажмите кнопку своего VPN-приложения — ключ добавится сам. Нет приложения? "
                            + "«Все приложения» подскажут, какое скачать. QR-код — для другого устройства.",
                    "en", "🔑 Key #{key_number} is ready and valid until {expires_at}.\n\n<code>{link}</code>\n\n"
                            + "Tap your VPN app's button and the key adds itself. No app yet? \"All apps\" shows "
                            + "which to get. The QR code is for another device.")),
            Map.entry(KEY_EXTENDED, Map.of(
                    "ru", "✅ Ключ #{key_number} продлён до {expires_at}.",
                    "en", "✅ Key #{key_number} now runs until {expires_at}.")),
            Map.entry(KEY_EXPIRING, Map.of(
                    "ru", "⏳ Ключ #{key_number} истекает через {time_left} ({expires_at}). Продлите его, чтобы не потерять доступ.",
                    "en", "⏳ Key #{key_number} expires in {time_left} ({expires_at}). Extend it to stay connected.")),
            Map.entry(KEY_EXPIRED, Map.of(
                    "ru", "⌛ Срок ключа #{key_number} истёк. Продлите его в разделе «Мои ключи».",
                    "en", "⌛ Key #{key_number} has expired. Extend it under My keys.")),
            Map.entry(KEY_WILL_RENEW, Map.of(
                    "ru", "🔄 Ключ #{key_number} истекает {expires_at} и будет продлён автоматически: с баланса спишется {amount}.",
                    "en", "🔄 Key #{key_number} expires {expires_at} and will renew automatically for {amount} from your balance.")),
            Map.entry(KEY_RENEWED, Map.of(
                    "ru", "🔄 Ключ #{key_number} продлён автоматически до {expires_at}. С баланса списано {amount}.",
                    "en", "🔄 Key #{key_number} renewed automatically until {expires_at}. {amount} was taken from your balance.")),
            Map.entry(KEY_WILL_RENEW_CARD, Map.of(
                    "ru", "🔄 Ключ #{key_number} истекает {expires_at} и продлится автоматически: {amount} спишутся с карты {card}.",
                    "en", "🔄 Key #{key_number} expires {expires_at} and will renew automatically: {amount} will be charged to {card}.")),
            Map.entry(CARD_SAVED, Map.of(
                    "ru", "💳 Карта {card} сохранена для автопродления. Удалить её можно в любой момент: Профиль → Сохранённые карты.",
                    "en", "💳 {card} is saved for auto-renewal. You can remove it at any time: Profile → Saved cards.")),
            Map.entry(CARD_REMOVED, Map.of(
                    "ru", "💳 С карты {card} больше нельзя списывать (истёк срок, банк или вы отозвали разрешение), она удалена из автопродления. Ключи продлятся с баланса; новую карту можно сохранить при следующей оплате.",
                    "en", "💳 {card} can't be charged any more (it expired, or the bank or you withdrew the permission) and was removed from auto-renewal. Keys will renew from your balance; you can save a new card at your next payment.")),
            Map.entry(RENEWAL_BALANCE_LOW, Map.of(
                    "ru", "⚠️ Не удалось автоматически продлить ключ #{key_number}: на балансе не хватает {shortfall}. Пополните баланс до {expires_at}.",
                    "en", "⚠️ Key #{key_number} could not renew automatically: your balance is {shortfall} short. Top up before {expires_at}.")),
            Map.entry(RENEWAL_PLAN_GONE, Map.of(
                    "ru", "⚠️ Ключ #{key_number} не будет продлён автоматически: его тариф больше не продаётся. Выберите новый тариф до {expires_at}.",
                    "en", "⚠️ Key #{key_number} can't renew automatically: its plan is no longer sold. Pick a new plan before {expires_at}.")),
            Map.entry(KEY_FAILED, Map.of(
                    "ru", "😔 Не получилось подготовить ключ #{key_number}. Мы уже разбираемся; деньги не пропадут.",
                    "en", "😔 We couldn't prepare key #{key_number} yet. We're on it, and your payment is safe.")),
            Map.entry(KEY_DELAYED, Map.of(
                    "ru", "⏳ Ключ #{key_number} готовится дольше обычного: сервер локации сейчас не отвечает. Как только ключ будет готов, мы пришлём сообщение; оплата в сохранности.",
                    "en", "⏳ Key #{key_number} is taking longer than usual: the location's server isn't answering right now. We'll message you as soon as it's ready; your payment is safe.")),
            Map.entry(PAYMENT_RECEIVED, Map.of(
                    "ru", "💳 Оплата {amount} получена, заказ №{order_id} оформлен. Ключ готовится — мы пришлём сообщение.",
                    "en", "💳 Payment of {amount} received for order #{order_id}. Your key is being prepared; we'll message you.")),
            Map.entry(BALANCE_TOPPED_UP, Map.of(
                    "ru", "💰 Баланс пополнен на {amount}. Сейчас на балансе {balance}.",
                    "en", "💰 {amount} added to your balance. Your balance is now {balance}.")),
            Map.entry(PAYMENT_REFUNDED, Map.of(
                    "ru", "↩️ По заказу №{order_id} оформлен возврат {amount}.",
                    "en", "↩️ {amount} of order #{order_id} has been refunded.")),
            Map.entry(REFERRAL_REWARD, Map.of(
                    "ru", "🎁 Ваш приглашённый совершил покупку — вам начислено {amount} на реферальный счёт.",
                    "en", "🎁 Someone you invited made a purchase: {amount} added to your referral account.")),
            Map.entry(WITHDRAWAL_APPROVED, Map.of(
                    "ru", "✅ Заявка на вывод {amount} одобрена. Деньги придут по указанным реквизитам.",
                    "en", "✅ Your withdrawal of {amount} is approved; the money is on its way to the details you gave.")),
            Map.entry(WITHDRAWAL_DECLINED, Map.of(
                    "ru", "❌ Заявка на вывод {amount} отклонена: {reason}",
                    "en", "❌ Your withdrawal of {amount} was declined: {reason}")),
            Map.entry(MAINTENANCE, Map.of(
                    "ru", "🛠 Идёт техническое обслуживание, скоро вернёмся. Ваши ключи работают, оплаченное не пропадёт.",
                    "en", "🛠 We're down for maintenance and will be back soon. Your keys keep working and nothing paid is lost.")),
            Map.entry(STAFF_MESSAGE, Map.of(
                    "ru", "✉️ <b>Сообщение от поддержки</b>\n\n{text}",
                    "en", "✉️ <b>A message from support</b>\n\n{text}")));

    /** The chat bot's texts ({@code bot.*}), shipped as UTF-8 properties files beside the code. */
    private final Map<String, Map<String, String>> botTexts = Map.of(
            "ru", load("templates/bot_ru.properties"),
            "en", load("templates/bot_en.properties"));

    /** The text in {@code language} (falling back to ru), placeholders filled; unknown ones are left visible. */
    public String render(String templateKey, String language, Map<String, String> params) {
        Map<String, String> texts = texts(templateKey);
        if (texts == null) {
            throw new IllegalArgumentException("unknown template " + templateKey);
        }
        String lang = language == null ? "ru" : language;
        String text = overrideCache.get("all").get(templateKey + "|" + lang);
        if (text == null) {
            text = texts.getOrDefault(lang, texts.get("ru"));
        }
        return fill(text, params);
    }

    /** Fills the placeholders of {@code text}; values are HTML-escaped, unknown placeholders are left visible. */
    static String fill(String text, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : escapeHtml(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public boolean exists(String templateKey) {
        return texts(templateKey) != null;
    }

    /** Every template key, sorted. */
    List<String> keys() {
        Set<String> keys = new TreeSet<>(DEFAULTS.keySet());
        botTexts.get("ru").keySet().forEach(k -> keys.add("bot." + k));
        return List.copyOf(keys);
    }

    /** The shipped texts of a key by language, or null for an unknown key. */
    Map<String, String> defaults(String templateKey) {
        return texts(templateKey);
    }

    /** The placeholders a key's default texts use: the only ones an edited text may use. */
    Set<String> placeholders(String templateKey) {
        Set<String> names = new TreeSet<>();
        for (String text : texts(templateKey).values()) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Admins' current texts by "key|language". */
    Map<String, String> overrides() {
        return overrideCache.get("all");
    }

    void invalidate() {
        overrideCache.invalidateAll();
    }

    private Map<String, String> texts(String templateKey) {
        if (templateKey.startsWith("bot.")) {
            String key = templateKey.substring(4);
            String ru = botTexts.get("ru").get(key);
            return ru == null ? null : Map.of("ru", ru, "en", botTexts.get("en").getOrDefault(key, ru));
        }
        return DEFAULTS.get(templateKey);
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (var in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + resource, e);
        }
        Map<String, String> texts = new HashMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        return Map.copyOf(texts);
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
