package dev.darkmaximus.messaging;

import java.util.Map;
import java.util.regex.Matcher;

/**
 * The admin chat's texts, one per kind of alert, with named {@code {placeholders}} like the customer templates.
 * Admin alerts are in English: the admin chat is the staff's, not a customer's, and operators asked for alerts
 * they can paste into a support thread with a panel vendor. Features name a template and give facts; the words
 * live here.
 */
public enum AlertTemplates {

    NEW_CUSTOMER("👋 New customer #{number} {name} via {via}{referral}"),
    PAYMENT("💳 {amount} via {provider}: order #{order_id} ({kind}) of customer #{customer_number}"),
    PAID_TWICE("Order #{order_id} was paid twice; payment #{payment_id} went to the balance."),
    PAID_FOR_REVOKED_KEY("Order #{order_id} paid for a revoked key; {amount} went to the balance."),
    REFUND_DONE("↩️ Refund of {amount} for order #{order_id} (payment #{payment_id}){target} completed.{bonus_kept}"),
    REFUND_KEY_ACTION_FAILED("⚠️ Refund #{refund_id} of payment #{payment_id} finished at the provider, but its key "
            + "action ({key_action}) failed: {error}"),
    WITHDRAWAL_REQUESTED("💸 Withdrawal #{withdrawal_id} of {amount} requested by customer #{customer_number} "
            + "({method}). Approve or decline it in the admin UI."),
    KEY_FAILED("⚠️ Provisioning failed for key id {key_id} (customer id {customer_id}, host id {host_id}) after "
            + "every retry. Resync or refund it in the admin UI."),
    KEYS_DELAYED("⏳ {count} key(s) still being prepared after {threshold} ({by_host}). Their customers were told. "
            + "See Outbox for the panel's answer."),
    PANEL_DOWN("🔴 Panel of host \"{host}\" is down: {error}"),
    PANEL_UP("✅ Panel of host \"{host}\" answers again."),
    TICKET_WAITING("⏰ Ticket #{ticket_id} has waited {waited} for an answer (SLA {sla_hours} h)."),
    BROADCAST_DONE("📣 Broadcast #{broadcast_id} finished: sent {sent}, blocked {blocked}, failed {failed}."),
    WEBHOOK_DISABLED("🔕 Webhook endpoint #{id} ({url}) was switched off: it has failed since {since}. Last error: "
            + "{error}. Fix the receiver, then switch the endpoint on and resend what it missed in the admin UI."),
    TRANSFER_AWAITED("🏦 Order #{order_id} of customer #{customer_number} awaits a bank transfer of {amount}. "
            + "Confirm it in the admin UI (Transactions → the payment) when the money arrives."),
    RECONCILIATION("🧮 Reconciliation of {day} with {provider}: {repaired} payment(s) the shop had missed were "
            + "credited now, {differences} difference(s) need a look{first}. See the dashboard in the admin UI."),
    DAILY_SUMMARY("📊 {day}: revenue {revenue}{stars}, payments {payments}, new customers {new_customers}, "
            + "active keys now {active_keys}.");

    private final String text;

    AlertTemplates(String text) {
        this.text = text;
    }

    /** The text with every placeholder filled; a placeholder without a value is a bug, so it fails loudly. */
    public String render(Map<String, String> params) {
        Matcher m = Templates.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("alert " + name() + " needs {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
