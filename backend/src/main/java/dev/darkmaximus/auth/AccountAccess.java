package dev.darkmaximus.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;

import org.springframework.stereotype.Component;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.db.ChangeCounters;

/**
 * Whether a customer or staff account may act now, remembered on this node until the database's accounts counter
 * moves: a ban, an unban, a staff account switched on or off, or an account removed moves it in the same transaction
 * (migration 026), whichever node makes the change. So a ban still takes effect on the very next request everywhere,
 * while a signed-in request costs the one counters read it shares with the storefront instead of a query of its own
 * (make bench, issue 24).
 */
@Component
class AccountAccess {

    /** Bounds the memory a flood of distinct accounts between two changes could take; past it, reads go through. */
    static final int MAX_REMEMBERED = 100_000;

    private final CustomerService customers;
    private final StaffService staff;
    private final ChangeCounters counters;
    private final AtomicReference<Remembered> remembered = new AtomicReference<>(new Remembered(-1));

    AccountAccess(CustomerService customers, StaffService staff, ChangeCounters counters) {
        this.customers = customers;
        this.staff = staff;
        this.counters = counters;
    }

    boolean customerMayAct(long customerId) {
        return check(customerId, true, customers::mayAct);
    }

    boolean staffMayAct(long staffId) {
        return check(staffId, false, staff::mayAct);
    }

    private boolean check(long id, boolean customer, LongPredicate read) {
        // The counter first: a change that commits after this read moves it again, so what is read next is never
        // kept past that change.
        long accounts = counters.current().accounts();
        Remembered now = remembered.get();
        if (now.accounts != accounts) {
            // Callers that shared a counter read arrive here together: one installs the new map, the rest use it.
            Remembered fresh = new Remembered(accounts);
            now = remembered.compareAndSet(now, fresh) ? fresh : remembered.get();
            if (now.accounts != accounts) {
                now = fresh;
            }
        }
        Map<Long, Boolean> known = customer ? now.customers : now.staff;
        Boolean mayAct = known.get(id);
        if (mayAct == null) {
            mayAct = read.test(id);
            if (known.size() < MAX_REMEMBERED) {
                known.put(id, mayAct);
            }
        }
        return mayAct;
    }

    private static final class Remembered {
        final long accounts;
        final Map<Long, Boolean> customers = new ConcurrentHashMap<>();
        final Map<Long, Boolean> staff = new ConcurrentHashMap<>();

        Remembered(long accounts) {
            this.accounts = accounts;
        }
    }
}
