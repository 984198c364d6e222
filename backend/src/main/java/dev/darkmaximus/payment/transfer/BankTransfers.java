package dev.darkmaximus.payment.transfer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Money;

/**
 * An admin's word on a bank transfer (issue 21): the money arrived — exactly the order's amount, with the bank's
 * reference — and the order is paid through the same path as any provider's success; or it won't come. Audited.
 */
@Service
public class BankTransfers {

    private final PaymentService payments;
    private final AuditService audit;
    private final JsonMapper json;

    BankTransfers(PaymentService payments, AuditService audit, JsonMapper json) {
        this.payments = payments;
        this.audit = audit;
        this.json = json;
    }

    /** The transfer arrived: {@code amountMinor} must be the payment's; a late one (order expired) still counts. */
    @Transactional
    public PaymentView received(long paymentId, long amountMinor, String reference, Long staffId) {
        PaymentView before = transfer(paymentId);
        if (before.status().paid()) {
            throw ApiException.conflict("already_confirmed", "This transfer was confirmed already.");
        }
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            throw InvalidInputException.field("reference", "reference_required",
                    "the bank's reference of the transfer, up to 128 characters");
        }
        if (amountMinor != before.amountMinor()) {
            throw InvalidInputException.field("amountMinor", "amount_mismatch", "the order is "
                    + Money.of(before.amountMinor(), before.currency()).display()
                    + "; money received in another amount is recorded as a balance adjustment instead");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("reference", reference.strip());
        record.put("amountMinor", amountMinor);
        record.put("confirmedBy", staffId);
        payments.apply(paymentId, PaymentStatus.SUCCEEDED, "transfer-" + paymentId, "admin:" + staffId,
                "bank transfer received, reference " + reference.strip(), json.writeValueAsString(record));
        PaymentView after = payments.get(paymentId);
        audit.record("payment.transfer_received", "payment", paymentId, before, after);
        return after;
    }

    /** The transfer won't come (the customer gave up, wrong details): the payment is canceled. */
    @Transactional
    public PaymentView declined(long paymentId, String reason) {
        PaymentView before = transfer(paymentId);
        if (!before.status().open()) {
            throw ApiException.conflict("not_pending", "Only a transfer still awaited can be declined.");
        }
        payments.apply(paymentId, PaymentStatus.CANCELED, null, "admin", reason, null);
        PaymentView after = payments.get(paymentId);
        audit.record("payment.transfer_declined", "payment", paymentId, before, after);
        return after;
    }

    private PaymentView transfer(long paymentId) {
        PaymentView payment = payments.get(paymentId);
        if (payment.provider() != PaymentMethod.BANK_TRANSFER) {
            throw ApiException.conflict("not_a_transfer", "This payment is not a bank transfer.");
        }
        return payment;
    }
}
