package dev.darkmaximus.customer;

import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;

import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * The shop's entry conditions (SPEC §8): accepted terms and membership of a required channel. The services that buy,
 * take a trial or write to support check them, so the bot, the Mini App and the API all hold the same line.
 */
@Service
public class AccessGates {

    private static final Logger log = LoggerFactory.getLogger(AccessGates.class);
    private static final Set<String> MEMBER = Set.of("creator", "administrator", "member");

    private final CustomerService customers;
    private final ShopSettings settings;
    private final BotApiClient telegram;
    /** A confirmed membership is trusted for a while so every action doesn't cost a Bot API call. */
    private final Cache<Long, Boolean> members = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    AccessGates(CustomerService customers, ShopSettings settings, BotApiClient telegram) {
        this.customers = customers;
        this.settings = settings;
        this.telegram = telegram;
    }

    /** Whether the customer still has to accept the terms. */
    public boolean termsPending(CustomerView customer) {
        return settings.termsRequired() && customer.termsAcceptedAt() == null;
    }

    /**
     * Whether the customer is in the required channel (true when none is set). A channel the bot can't check (not
     * an admin there) lets everyone through, with an error in the log: a setup mistake must not lock customers out.
     *
     * @throws TelegramBotApi.RetryLater when Telegram can't say right now
     */
    public boolean inRequiredChannel(CustomerView customer) {
        String channel = settings.requiredChannel();
        if (channel.isBlank() || Boolean.TRUE.equals(members.getIfPresent(customer.telegramId()))) {
            return true;
        }
        try {
            ChatMember member = telegram.execute(GetChatMember.builder().chatId(channel)
                    .userId(customer.telegramId()).build());
            boolean in = MEMBER.contains(member.getStatus());
            if (in) {
                members.put(customer.telegramId(), true);
            }
            return in;
        } catch (TelegramBotApi.Refused misconfigured) {
            log.atError().addKeyValue("channel", channel).log("cannot check the required channel: {}",
                    misconfigured.getMessage());
            return true;
        }
    }

    /** The channel's link: the one set, else t.me/name for a public @name channel; null for a private one without. */
    private String channelUrl() {
        String link = settings.requiredChannelLink();
        if (!link.isBlank()) {
            return link;
        }
        String channel = settings.requiredChannel();
        return channel.startsWith("@") ? "https://t.me/" + channel.substring(1) : null;
    }

    /** Forgets a cached membership (the customer says they joined just now, or left). */
    public void recheck(long telegramId) {
        members.invalidate(telegramId);
    }

    /** Refuses (403) a customer who hasn't accepted the terms or joined the required channel. */
    public void requireThrough(long customerId) {
        CustomerView customer = customers.get(customerId);
        if (termsPending(customer)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "terms_not_accepted",
                    "Accept the shop's terms first: " + settings.termsUrl()).with("termsUrl", settings.termsUrl());
        }
        boolean in;
        try {
            in = inRequiredChannel(customer);
        } catch (TelegramBotApi.RetryLater telegramTrouble) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "channel_check_unavailable",
                    "Telegram couldn't confirm your channel subscription just now; try again in a minute.");
        }
        if (!in) {
            String link = channelUrl();
            throw new ApiException(HttpStatus.FORBIDDEN, "channel_required", "Join the shop's channel first"
                    + (link == null ? " (" + settings.requiredChannel() + ")." : ": " + link)).with("channelUrl", link);
        }
    }
}
