package dev.darkmaximus.customer.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.customer.CustomerSlice;

public record CustomerPage(
        List<CustomerResponse> data,
        @Schema(description = "True when more customers follow; ask again with startingAfter = the last id.")
        boolean hasMore) {

    static CustomerPage from(CustomerSlice slice) {
        return new CustomerPage(slice.customers().stream().map(CustomerResponse::from).toList(), slice.hasMore());
    }
}
