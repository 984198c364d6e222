package dev.darkmaximus.admin.backend;

import dev.darkmaximus.client.ApiClient;
import dev.darkmaximus.client.ApiException;

/** One use of the generated client, e.g. {@code c -> new AdminHostsApi(c).listHosts()}. */
@FunctionalInterface
public interface BackendCall<T> {

    T apply(ApiClient client) throws ApiException;
}
