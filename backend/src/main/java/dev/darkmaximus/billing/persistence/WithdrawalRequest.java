package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.money.Currency;

/** A request to pay out referral earnings by hand; approving it debits the referral account. */
@Table("withdrawal_requests")
public record WithdrawalRequest(@Id Long id, long customerId, long amountMinor, Currency currency, Method method,
                                String details, Status status, String declineReason, Long decidedBy,
                                Instant decidedAt, @CreatedDate Instant createdAt, @Version int version) {

    public enum Method { CARD, PHONE, OTHER }

    public enum Status { REQUESTED, APPROVED, DECLINED }
}
