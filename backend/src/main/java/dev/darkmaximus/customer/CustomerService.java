package dev.darkmaximus.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.customer.persistence.Customer;
import dev.darkmaximus.customer.persistence.CustomerRegistrations;
import dev.darkmaximus.customer.persistence.CustomerRepository;
import dev.darkmaximus.customer.persistence.CustomerSearch;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.web.ListSort;

/** The door to customers for REST, the bot and other features. */
@Service
public class CustomerService {

    private final ShopSettings settings;
    private final CustomerRepository customers;
    private final CustomerSearch search;
    private final CustomerRegistrations registrations;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerSearch search, CustomerRegistrations registrations,
                    AuditService audit, ApplicationEventPublisher events, ShopSettings settings, Clock clock) {
        this.settings = settings;
        this.customers = customers;
        this.search = search;
        this.registrations = registrations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private CustomerView view(Customer customer) {
        return CustomerView.from(customer, settings.trialEnabled());
    }

    /** First contact creates the customer (in the default group); later contacts refresh the Telegram names. */
    @Transactional
    public CustomerView registerFromTelegram(TelegramProfile profile) {
        return registerFromTelegram(profile, null);
    }

    /**
     * As {@link #registerFromTelegram(TelegramProfile)}, and a customer created by this very contact through a
     * referral deep link ({@code ref_<number>}) is bound to that referrer (SPEC §5). Unknown numbers, self-referral
     * and returning customers are ignored: the link never moves an existing customer to another referrer.
     */
    @Transactional
    public CustomerView registerFromTelegram(TelegramProfile profile, String startParam) {
        CustomerRegistrations.Created created = registrations.upsert(profile, clock.instant());
        if (created.inserted()) {
            referrerNumber(startParam).ifPresent(number -> registrations.bindReferrer(created.id(), number));
        }
        Customer customer = load(created.id());
        if (created.inserted()) {
            announce(customer, "Mini App");
        }
        return view(customer);
    }

    /**
     * The chat bot's contact: registers as {@link #registerFromTelegram(TelegramProfile, String)}, and a customer
     * who writes to the bot again is reachable again (they had blocked it before). Says whether this contact
     * created the customer, so the bot can greet newcomers.
     */
    @Transactional
    public Contact contactFromBot(TelegramProfile profile, String startParam) {
        CustomerRegistrations.Created created = registrations.upsert(profile, clock.instant());
        if (created.inserted()) {
            referrerNumber(startParam).ifPresent(number -> registrations.bindReferrer(created.id(), number));
        }
        Customer customer = load(created.id());
        if (created.inserted()) {
            announce(customer, "bot");
        }
        if (!customer.reachable()) {
            customers.setReachable(customer.id(), true, clock.instant());
            customer = load(customer.id());
        }
        return new Contact(view(customer), created.inserted());
    }

    public record Contact(CustomerView customer, boolean created) {
    }

    /**
     * An integrator creates or refreshes a customer by Telegram id (SPEC §15): created as a first contact would be
     * (the admin chat hears of them), names refreshed when they exist. Audited under the integrator's key.
     */
    @Transactional
    public Contact upsertForIntegrator(TelegramProfile profile) {
        CustomerRegistrations.Created created = registrations.upsert(profile, clock.instant());
        Customer customer = load(created.id());
        if (created.inserted()) {
            announce(customer, "integrator");
        }
        CustomerView after = view(customer);
        audit.record(created.inserted() ? "customer.create" : "customer.update", "customer", customer.id(), null,
                after);
        return new Contact(after, created.inserted());
    }

    /** Every newcomer is news (the admin chat hears of them: SPEC §8), in the transaction that created them. */
    private void announce(Customer customer, String via) {
        events.publishEvent(new CustomerRegistered(customer.id(), customer.number(), customer.telegramId(),
                customer.username(), customer.firstName(), via, customer.referrerId()));
    }

    /** The customer's language for every text the shop sends (ru or en). */
    @Transactional
    public CustomerView setLanguage(long id, String language) {
        if (!"ru".equals(language) && !"en".equals(language)) {
            throw InvalidInputException.field("language", "invalid", "must be ru or en");
        }
        customers.setLanguage(id, language, clock.instant());
        return get(id);
    }

    /** Records that the customer accepted the shop's terms and privacy policy (first time only). */
    @Transactional
    public CustomerView acceptTerms(long id) {
        customers.acceptTerms(id, clock.instant());
        return get(id);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> findByTelegramId(long telegramId) {
        return customers.findByTelegramId(telegramId).map(this::view);
    }

    /** How many customers this one invited. */
    @Transactional(readOnly = true)
    public int inviteeCount(long customerId) {
        return registrations.countInvitees(customerId);
    }

    private static Optional<Long> referrerNumber(String startParam) {
        if (startParam == null || !startParam.matches("ref_\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(startParam.substring(4)));
    }

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return view(load(id));
    }

    /**
     * Newest first. {@code query} matches the public number or Telegram id exactly, or the start of the username
     * or a name, case-insensitively.
     */
    @Transactional(readOnly = true)
    public CustomerSlice search(String query, int limit, Long startingAfter) {
        Matcher match = Matcher.of(query);
        return page(search.ids(match.query(), match.exact(), match.prefix(), startingAfter, CustomerSearch.NEWEST_FIRST, 0,
                limit + 1), limit);
    }

    /** The same search in an order picked by column ({@code -registeredAt}, {@code username}, …), by offset. */
    @Transactional(readOnly = true)
    public CustomerSlice search(String query, String sort, int offset, int limit) {
        Matcher match = Matcher.of(query);
        String orderBy = ListSort.parse(sort, CustomerSearch.SORTS, "id").orderBy();
        return page(search.ids(match.query(), match.exact(), match.prefix(), null, orderBy, offset, limit + 1),
                limit);
    }

    /** The customers of {@code ids} in that order; one more id than {@code limit} means more follow. */
    private CustomerSlice page(List<Long> ids, int limit) {
        Map<Long, Customer> byId = new HashMap<>();
        customers.findAllById(ids).forEach(c -> byId.put(c.id(), c));
        List<CustomerView> page = ids.stream().limit(limit).map(byId::get).filter(Objects::nonNull)
                .map(this::view).toList();
        return new CustomerSlice(page, ids.size() > limit);
    }

    /** A search text as the queries take it: an exact number or id, or a name/username prefix for LIKE. */
    private record Matcher(String query, Long exact, String prefix) {

        static Matcher of(String query) {
            String q = query == null || query.isBlank() ? null : query.strip();
            if (q != null && q.startsWith("@")) {
                q = q.substring(1);
            }
            Long exact = q != null && q.matches("\\d{1,18}") ? Long.valueOf(q) : null;
            return new Matcher(q, exact, q == null ? null : escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
        }
    }

    @Transactional
    public CustomerView ban(long id, String reason) {
        CustomerView before = get(id);
        if (customers.ban(id, reason.strip(), clock.instant()) == 0) {
            throw ApiException.notFound("Customer", id);
        }
        CustomerView after = get(id);
        audit.record("customer.ban", "customer", id, before, after);
        return after;
    }

    @Transactional
    public CustomerView unban(long id) {
        CustomerView before = get(id);
        if (!before.banned()) {
            return before;
        }
        customers.unban(id, clock.instant());
        CustomerView after = get(id);
        audit.record("customer.unban", "customer", id, before, after);
        return after;
    }

    /**
     * Marks the customer's one trial as taken; false when it already was (two taps, two devices: one trial). Runs
     * in the caller's transaction so the trial key and the mark commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claimTrial(long customerId) {
        return customers.claimTrial(customerId, clock.instant()) == 1;
    }

    /** Lets the customer take a trial again (SPEC §4.3: admin only, counted). */
    @Transactional
    public CustomerView resetTrial(long id) {
        CustomerView before = get(id);
        customers.resetTrial(id, clock.instant());
        CustomerView after = get(id);
        audit.record("customer.trial_reset", "customer", id, before, after);
        return after;
    }

    /** The bot was blocked or the account deleted: stop writing until they come back. */
    @Transactional
    public void markUnreachable(long id) {
        customers.setReachable(id, false, clock.instant());
    }

    @Transactional
    public void setAutoRenewDefault(long id, boolean on) {
        customers.setAutoRenewDefault(id, on, clock.instant());
    }

    @Transactional(readOnly = true)
    public Set<Long> groupIds(long customerId) {
        return Set.copyOf(customers.groupIds(customerId));
    }

    /** The ids among {@code ids} that name no customer group. */
    @Transactional(readOnly = true)
    public List<Long> unknownGroupIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> known = Set.copyOf(customers.existingGroupIds(ids));
        return ids.stream().filter(id -> !known.contains(id)).distinct().sorted().toList();
    }

    /**
     * Whether a signed-in customer may still act: not banned, not deleted, as the database has it now (auth's
     * AccountAccess remembers the answer until the accounts counter moves).
     */
    @Transactional(readOnly = true)
    public boolean mayAct(long customerId) {
        return !customers.isBanned(customerId);
    }

    /** Refuses banned customers at sign-in, so every later surface can rely on "has a token → not banned". */
    public void requireNotBanned(CustomerView customer) {
        if (customer.banned()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "customer_banned",
                    "Access is restricted; please contact support.");
        }
    }

    private Customer load(long id) {
        return customers.findById(id).orElseThrow(() -> ApiException.notFound("Customer", id));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
