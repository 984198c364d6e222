package dev.darkmaximus.auth;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.customer.TelegramProfile;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.telegram.TelegramProperties;

/** Customer sign-in: verified Telegram identity in, customer token out. */
@Service
public class TelegramAuthService {

    private final CustomerService customers;
    private final TokenService tokens;
    private final TelegramInitDataVerifier verifier;

    TelegramAuthService(CustomerService customers, TokenService tokens, AuthProperties properties,
                        TelegramProperties telegram, Clock clock, JsonMapper json) {
        this.customers = customers;
        this.tokens = tokens;
        this.verifier = telegram.botToken().isBlank() ? null
                : new TelegramInitDataVerifier(telegram.botToken(), properties.initDataMaxAge(), clock, json);
    }

    @Transactional
    public IssuedToken loginWithInitData(String initData) {
        if (verifier == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "telegram_not_configured",
                    "Telegram sign-in is off: the shop has no bot token configured.");
        }
        TelegramInitDataVerifier.Verified verified = verifier.verify(initData);
        return issueFor(customers.registerFromTelegram(verified.profile(), verified.startParam()));
    }

    /** Only reachable through the dev profile's controller: no signature to check outside Telegram. */
    @Transactional
    public IssuedToken loginForDevelopment(TelegramProfile profile) {
        return issueFor(customers.registerFromTelegram(profile));
    }

    private IssuedToken issueFor(CustomerView customer) {
        customers.requireNotBanned(customer);
        return tokens.startSession(grantFor(customer));
    }

    static Grant grantFor(CustomerView customer) {
        String name = customer.username() != null ? customer.username() : customer.firstName();
        return new Grant(TokenService.CUSTOMER_PREFIX + customer.id(), name, Role.CUSTOMER);
    }
}
