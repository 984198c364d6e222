package dev.darkmaximus.customer;

import java.util.List;

/** One page of a newest-first customer list; {@code hasMore} tells whether to ask again after the last id. */
public record CustomerSlice(List<CustomerView> customers, boolean hasMore) {
}
