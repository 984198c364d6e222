package dev.darkmaximus.payment.cards;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.error.ApiException;

/**
 * Cards saved for auto-renewal (issue 21). A card is kept only with the customer's consent, given at checkout and
 * recorded with the words shown and the time, and only once YooKassa says it saved the payment method. Customers
 * remove their cards themselves; a card YooKassa declines for good (expired, permission revoked, blocked) is removed
 * and its owner told.
 */
@Service
public class SavedCards {

    /** YooKassa's cancellation reasons after which the saved method can never be charged again. */
    static final Set<String> GONE_FOR_GOOD = Set.of("card_expired", "permission_revoked", "payment_method_restricted");
    private static final Logger log = LoggerFactory.getLogger(SavedCards.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final Clock clock;

    SavedCards(JdbcClient jdbc, JsonMapper json, CustomerService customers, NotificationService notifications,
               Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.customers = customers;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The consent the customer gives at checkout, in their language, kept with the order it was given for. */
    @Transactional
    public void recordConsent(long orderId, long customerId) {
        String language = customers.get(customerId).language();
        jdbc.sql("""
                INSERT INTO card_consents (order_id, customer_id, text, language, given_at)
                VALUES (:order, :customer, :text, :language, :at) ON CONFLICT (order_id) DO NOTHING""")
                .param("order", orderId).param("customer", customerId)
                .param("text", CardConsent.text(language)).param("language", CardConsent.language(language))
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
    }

    /** Whether the customer agreed to keep the card paying for this order. */
    public boolean consented(long orderId) {
        return jdbc.sql("SELECT count(*) FROM card_consents WHERE order_id = :order").param("order", orderId)
                .query(Long.class).single() > 0;
    }

    /**
     * What YooKassa answered about one of our payments (a read-back or a charge): a method it saved with the
     * customer's consent is kept; one declined for good is removed and its owner told. Safe to call again.
     */
    @Transactional
    public void afterProviderAnswer(PaymentView payment, String snapshotJson) {
        if (payment.provider() != PaymentMethod.YOOKASSA || snapshotJson == null) {
            return;
        }
        JsonNode answer = json.readTree(snapshotJson);
        JsonNode method = answer.path("payment_method");
        String methodId = method.path("id").asString("");
        if (methodId.isBlank()) {
            return;
        }
        String status = answer.path("status").asString("");
        if ("succeeded".equals(status) && method.path("saved").asBoolean(false) && consented(payment.orderId())) {
            save(payment, methodId, title(method));
        } else if ("canceled".equals(status)
                && GONE_FOR_GOOD.contains(answer.path("cancellation_details").path("reason").asString(""))) {
            remove(methodId, answer.path("cancellation_details").path("reason").asString());
        }
    }

    private void save(PaymentView payment, String methodId, String title) {
        Long customerId = jdbc.sql("SELECT customer_id FROM card_consents WHERE order_id = :order")
                .param("order", payment.orderId()).query(Long.class).single();
        int saved = jdbc.sql("""
                INSERT INTO saved_cards (customer_id, provider, method_id, title, consent_order, saved_at)
                VALUES (:customer, 'YOOKASSA', :method, :title, :order, :at)
                ON CONFLICT (provider, method_id) DO NOTHING""")
                .param("customer", customerId).param("method", methodId).param("title", title)
                .param("order", payment.orderId()).param("at", java.sql.Timestamp.from(clock.instant())).update();
        if (saved == 1) {
            log.atInfo().addKeyValue("customerId", customerId).addKeyValue("orderId", payment.orderId())
                    .log("card saved for auto-renewal");
            notifications.queue(customerId, "card_saved", Templates.CARD_SAVED, Map.of("card", title),
                    "card-saved:" + methodId);
        }
    }

    private void remove(String methodId, String reason) {
        List<Map<String, Object>> removed = jdbc.sql("""
                UPDATE saved_cards SET removed_at = :at, removed_reason = :reason
                WHERE provider = 'YOOKASSA' AND method_id = :method AND removed_at IS NULL
                RETURNING customer_id, title""")
                .param("at", java.sql.Timestamp.from(clock.instant())).param("reason", reason)
                .param("method", methodId).query().listOfRows();
        for (Map<String, Object> card : removed) {
            long customerId = ((Number) card.get("customer_id")).longValue();
            log.atInfo().addKeyValue("customerId", customerId).addKeyValue("reason", reason)
                    .log("saved card removed after a decline");
            notifications.queue(customerId, "card_removed", Templates.CARD_REMOVED,
                    Map.of("card", (String) card.get("title")), "card-removed:" + methodId);
        }
    }

    /** The customer's saved cards, newest first. */
    public List<SavedCardView> of(long customerId) {
        return jdbc.sql("""
                SELECT id, title, saved_at FROM saved_cards WHERE customer_id = :customer AND removed_at IS NULL
                ORDER BY saved_at DESC, id DESC""").param("customer", customerId)
                .query((rs, n) -> new SavedCardView(rs.getLong("id"), rs.getString("title"),
                        rs.getTimestamp("saved_at").toInstant())).list();
    }

    /** The card renewals are charged to: the newest one saved. */
    public Optional<SavedCard> renewalCard(long customerId) {
        return jdbc.sql("""
                SELECT id, method_id, title FROM saved_cards WHERE customer_id = :customer AND removed_at IS NULL
                ORDER BY saved_at DESC, id DESC LIMIT 1""").param("customer", customerId)
                .query((rs, n) -> new SavedCard(rs.getLong("id"), rs.getString("method_id"), rs.getString("title")))
                .optional();
    }

    /** The customer removes one of their own cards; someone else's is as unknown as one that never existed. */
    @Transactional
    public void removeOwn(long customerId, long cardId) {
        int removed = jdbc.sql("""
                UPDATE saved_cards SET removed_at = :at, removed_reason = 'removed_by_customer'
                WHERE id = :id AND customer_id = :customer AND removed_at IS NULL""")
                .param("at", java.sql.Timestamp.from(clock.instant())).param("id", cardId)
                .param("customer", customerId).update();
        if (removed == 0) {
            throw ApiException.notFound("Card", cardId);
        }
    }

    /** "Bank card *4444" from YooKassa's title, else from the card's last digits. */
    private static String title(JsonNode method) {
        String last4 = method.path("card").path("last4").asString("");
        String fromTitle = method.path("title").asString("");
        String title = !fromTitle.isBlank() ? fromTitle : last4.isBlank() ? "Bank card" : "Bank card *" + last4;
        return title.length() > 128 ? title.substring(0, 128) : title;
    }

    /** A saved card as renewals use it. */
    public record SavedCard(long id, String methodId, String title) {
    }
}
