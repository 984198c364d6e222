package dev.darkmaximus.billing;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a customer sees of the referral programme: their link, how many they invited, what they earned and can
 * withdraw, and the programme's terms.
 */
@Schema(name = "ReferralInfo", description = "The customer's referral link, invitees, earnings and programme terms.")
public record ReferralInfo(String link, String startParameter, int invitees, long earnedMinor, long balanceMinor,
                           long withdrawalMinimumMinor, boolean transferAllowed, int rewardPercent,
                           int firstPurchaseDiscountPercent, WithdrawalView openWithdrawal) {
}
